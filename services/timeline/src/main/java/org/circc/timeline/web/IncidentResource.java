package org.circc.timeline.web;

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
import org.circc.timeline.query.IncidentView;

import java.time.Instant;
import java.util.List;

/** {@code GET /api/v1/incidents/{id}} as api.md names it: the view without what only the sharing rule needs. */
public record IncidentResource(
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
        IncidentView.Escalation escalation,
        String reporterOrg,
        Instant reportedAt,
        Instant detectedAt,
        Impact impact,
        List<String> affectedAssets,
        List<Observable> observables,
        Instant updatedAt) {

    static IncidentResource of(IncidentView view) {
        return new IncidentResource(view.incidentId(), view.title(), view.description(), view.category(), view.sector(),
                view.tlp(), view.status(), view.severity(), view.severityFactors(), view.campaignId(), view.escalation(),
                view.reporterOrg(), view.reportedAt(), view.detectedAt(), view.impact(), view.affectedAssets(),
                view.observables(), view.updatedAt());
    }
}
