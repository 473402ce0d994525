package org.circc.contracts.sharing;

import org.circc.contracts.Tlp;

import java.util.Objects;
import java.util.Set;

/**
 * What the sharing rule needs to know about an incident.
 *
 * @param reporterOrganisation  the organisation that filed it: always sees it
 * @param tlp                   its label
 * @param needToKnowPrincipals  for AMBER: principals with a need to know (linked principals of escalation targets
 *                              and sector subscribers)
 * @param needToKnowOrganisations for AMBER: organisations with a need to know (organisation-kind stakeholders
 *                              stand for all their principals)
 * @param redTargetPrincipals   for RED: principals linked to {@code person} stakeholders targeted at the current
 *                              escalation level
 */
public record IncidentFacts(
        String reporterOrganisation,
        Tlp tlp,
        Set<String> needToKnowPrincipals,
        Set<String> needToKnowOrganisations,
        Set<String> redTargetPrincipals) {

    public IncidentFacts {
        Objects.requireNonNull(reporterOrganisation, "reporterOrganisation");
        Objects.requireNonNull(tlp, "tlp");
        needToKnowPrincipals = Set.copyOf(needToKnowPrincipals);
        needToKnowOrganisations = Set.copyOf(needToKnowOrganisations);
        redTargetPrincipals = Set.copyOf(redTargetPrincipals);
    }

    /** An incident about which nothing but the reporter and the label is known (no escalation, no subscribers). */
    public static IncidentFacts of(String reporterOrganisation, Tlp tlp) {
        return new IncidentFacts(reporterOrganisation, tlp, Set.of(), Set.of(), Set.of());
    }
}
