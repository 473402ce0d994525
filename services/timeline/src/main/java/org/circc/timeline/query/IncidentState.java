package org.circc.timeline.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.CampaignMergedEvent;
import org.circc.contracts.events.IncidentCorrelatedEvent;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentSeverityOverriddenEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IncidentUpdatedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.SeverityFactor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What an incident's own events say about it (its campaign's chain is {@link CampaignState}'s): the pure fold of
 * its bucket. The live view and {@code state?asOf} both come from {@link #fold}, so they cannot disagree.
 */
public record IncidentState(
        IncidentId incidentId,
        String title,
        String description,
        Category category,
        Sector sector,
        Tlp tlp,
        IncidentStatus status,
        Severity severity,
        List<SeverityFactor> severityFactors,
        boolean severityOverridden,
        CampaignId campaignId,
        String reporterOrg,
        Instant reportedAt,
        Instant detectedAt,
        Impact impact,
        List<String> affectedAssets,
        List<Observable> observables,
        Instant updatedAt,
        Instant triagedAt,
        Instant containedAt,
        Instant resolvedAt) {

    /**
     * Folds an incident's events up to {@code asOf} (inclusive; null for all): empty until its report is among
     * them, because an incident does not exist before it was reported.
     */
    public static Optional<IncidentState> fold(IncidentId incidentId, List<RecordedEvent> events, Instant asOf) {
        Builder state = new Builder(incidentId);
        RecordedEvent.upTo(events, asOf).forEach(recorded -> state.apply(recorded.event()));
        return state.build();
    }

    private static final class Builder {
        private final IncidentId incidentId;
        private IncidentReportedEvent report;
        private IncidentStatus status;
        private Severity severity;
        private List<SeverityFactor> factors = List.of();
        private boolean overridden;
        private CampaignId campaignId;
        private Impact impact;
        private final Set<Observable> observables = new LinkedHashSet<>();
        private Instant updatedAt;
        private Instant triagedAt;
        private Instant containedAt;
        private Instant resolvedAt;

        Builder(IncidentId incidentId) {
            this.incidentId = incidentId;
        }

        void apply(IntegrationEvent event) {
            updatedAt = event.occurredAt();
            if (event instanceof IncidentReportedEvent e) {
                report = e;
                impact = e.impact();
                observables.addAll(e.observables());
            } else if (event instanceof IncidentUpdatedEvent e) {
                observables.addAll(e.addedObservables());
                if (e.impact() != null) {
                    impact = e.impact();
                }
            } else if (event instanceof IncidentTriagedEvent e) {
                if (!overridden) {
                    severity = e.severity();
                }
                factors = e.factors();
                campaignId = e.campaignId();
                if (triagedAt == null) {
                    triagedAt = e.occurredAt();
                }
            } else if (event instanceof IncidentCorrelatedEvent e) {
                campaignId = e.campaignId();
            } else if (event instanceof IncidentSeverityOverriddenEvent e) {
                severity = e.severity();
                overridden = true;
            } else if (event instanceof CampaignMergedEvent e && e.movedIncidentIds().contains(incidentId)) {
                campaignId = e.campaignId();
            } else if (event instanceof IncidentStatusChangedEvent e) {
                status = e.to();
                if (e.to() == IncidentStatus.CONTAINED && containedAt == null) {
                    containedAt = e.occurredAt();
                }
                if (e.to() == IncidentStatus.RESOLVED && resolvedAt == null) {
                    resolvedAt = e.occurredAt();
                }
            }
        }

        Optional<IncidentState> build() {
            if (report == null) {
                return Optional.empty();
            }
            IncidentStatus current = status != null ? status
                    : triagedAt != null ? IncidentStatus.TRIAGED : IncidentStatus.REPORTED;
            if (current == IncidentStatus.REPORTED && triagedAt != null) {
                current = IncidentStatus.TRIAGED;
            }
            return Optional.of(new IncidentState(incidentId, report.title(), report.description(), report.category(),
                    report.sector(), report.tlp(), current, severity, factors, overridden, campaignId,
                    report.reporterOrg(), report.occurredAt(), report.detectedAt(), impact,
                    report.affectedAssets(), new ArrayList<>(observables), updatedAt, triagedAt, containedAt, resolvedAt));
        }
    }
}
