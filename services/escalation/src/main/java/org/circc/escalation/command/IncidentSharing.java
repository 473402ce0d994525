package org.circc.escalation.command;

import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;
import org.circc.contracts.sharing.IncidentFacts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What intake reported about an incident that the sharing rule needs: its reporter, its label, its sector. */
public record IncidentSharing(String reporterOrganisation, Tlp tlp, Sector sector) {

    /**
     * The incident's facts for {@code IncidentVisibility}: need-to-know are the stakeholders its escalation targeted
     * and the subscribers to its sector (a person or team stands for its linked principal, an organisation for its
     * organisation's principals); RED details go to the persons targeted at the current level.
     */
    public IncidentFacts facts(StakeholderDirectory directory, Collection<String> escalationTargets,
                               Collection<String> currentTargets) {
        Set<String> principals = new HashSet<>();
        Set<String> organisations = new HashSet<>();
        List<Stakeholder> needToKnow = new ArrayList<>(directory.find(escalationTargets));
        needToKnow.addAll(directory.subscribersOf(sector));
        for (Stakeholder stakeholder : needToKnow) {
            if (stakeholder.kind() == StakeholderKind.organisation) {
                organisations.add(stakeholder.organisation());
            }
            if (stakeholder.principal() != null) {
                principals.add(stakeholder.principal());
            }
        }
        Set<String> redTargets = new HashSet<>();
        for (Stakeholder stakeholder : directory.find(currentTargets)) {
            if (stakeholder.kind() == StakeholderKind.person && stakeholder.principal() != null) {
                redTargets.add(stakeholder.principal());
            }
        }
        return new IncidentFacts(reporterOrganisation, tlp, principals, organisations, redTargets);
    }
}
