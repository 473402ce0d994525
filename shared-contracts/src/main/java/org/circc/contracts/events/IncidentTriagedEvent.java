package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Severity;

import java.time.Instant;
import java.util.List;

/** v1 — triage scored an incident (0–100) and placed it in a campaign (a lone incident is a campaign of one). */
public record IncidentTriagedEvent(
        IncidentId incidentId,
        CampaignId campaignId,
        Severity severity,
        double score,
        List<SeverityFactor> factors,
        Actor actor,
        Instant occurredAt) implements IncidentEvent {

    public IncidentTriagedEvent {
        factors = List.copyOf(factors);
    }

    @Override
    public String subject() {
        return incidentId.toString();
    }
}
