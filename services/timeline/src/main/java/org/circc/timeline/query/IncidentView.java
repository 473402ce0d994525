package org.circc.timeline.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.SeverityFactor;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The consolidated incident view: the incident's own fold ({@link IncidentState}) joined with its campaign's chain
 * ({@link CampaignState}). Stored as the live read model; {@code state?asOf} composes it the same way from folds up
 * to the instant. {@code escalationTargets} and {@code currentTargets} are what the sharing rule needs; {@code
 * milestones} what the response metrics need.
 */
public record IncidentView(
        IncidentId incidentId,
        String title,
        String description,
        Category category,
        Sector sector,
        Tlp tlp,
        IncidentStatus status,
        Severity severity,
        List<SeverityFactor> severityFactors,
        CampaignId campaignId,
        Escalation escalation,
        String reporterOrg,
        Instant reportedAt,
        Instant detectedAt,
        Impact impact,
        List<String> affectedAssets,
        List<Observable> observables,
        Instant updatedAt,
        List<String> escalationTargets,
        List<String> currentTargets,
        Milestones milestones) {

    private static final Set<IncidentStatus> CLOSED_STATES =
            EnumSet.of(IncidentStatus.RESOLVED, IncidentStatus.CLOSED, IncidentStatus.WITHDRAWN);

    public record Escalation(int level, CampaignState.ChainState state, Instant ackDeadline) {
    }

    /** When the incident first reached each stage of the response (null until it did). */
    public record Milestones(Instant triagedAt, Instant acknowledgedAt, Instant containedAt, Instant resolvedAt) {

        public Duration toTriage(Instant reportedAt) {
            return since(reportedAt, triagedAt);
        }

        public Duration toAcknowledge(Instant reportedAt) {
            return since(reportedAt, acknowledgedAt);
        }

        public Duration toContain(Instant reportedAt) {
            return since(reportedAt, containedAt);
        }

        public Duration toResolve(Instant reportedAt) {
            return since(reportedAt, resolvedAt);
        }

        /** A member that joined a chain acknowledged before it was reported was acknowledged on arrival. */
        private static Duration since(Instant reportedAt, Instant reached) {
            return reached == null ? null : reached.isBefore(reportedAt) ? Duration.ZERO : Duration.between(reportedAt, reached);
        }
    }

    /**
     * Joins the incident with its campaign's chain ({@link CampaignState.Chain#NONE} outside a campaign): members follow the chain ({@code ESCALATED}, {@code
     * ACKNOWLEDGED}, late joiners included) unless they are further along or withdrawn (api.md).
     */
    public static IncidentView of(IncidentState incident, CampaignState.Chain chain) {
        IncidentStatus status = incident.status();
        IncidentStatus followed = chain.acknowledgedAt() != null ? IncidentStatus.ACKNOWLEDGED
                : chain.raised() ? IncidentStatus.ESCALATED : null;
        if (followed != null && status != IncidentStatus.WITHDRAWN && status.compareTo(followed) < 0) {
            status = followed;
        }
        return new IncidentView(incident.incidentId(), incident.title(), incident.description(), incident.category(),
                incident.sector(), incident.tlp(), status, incident.severity(), incident.severityFactors(),
                incident.campaignId(), new Escalation(chain.level(), chain.state(), chain.ackDeadline()),
                incident.reporterOrg(), incident.reportedAt(), incident.detectedAt(), incident.impact(),
                incident.affectedAssets(), incident.observables(), latest(incident.updatedAt(), chain.updatedAt()),
                chain.everTargeted().stream().sorted().toList(), chain.currentTargets(),
                new Milestones(incident.triagedAt(), chain.acknowledgedAt(), incident.containedAt(),
                        incident.resolvedAt()));
    }

    private static Instant latest(Instant incident, Instant chain) {
        return chain != null && chain.isAfter(incident) ? chain : incident;
    }

    /** Open: not resolved, closed or withdrawn (api.md, board). */
    public boolean open() {
        return !CLOSED_STATES.contains(status);
    }
}
