package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

import java.time.Instant;
import java.util.Set;

/**
 * v1 — the escalation-relevant signal of triage: a campaign opened ({@code previousSeverity} null) or its
 * severity changed. Emitted once per change, not once per report. {@code incidentId} is the report that
 * triggered it; {@code tlp} is the most restrictive label among the members.
 */
public record CampaignSeverityChangedEvent(
        CampaignId campaignId,
        IncidentId incidentId,
        Severity previousSeverity,
        Severity severity,
        Set<Sector> sectors,
        Tlp tlp,
        Instant occurredAt) implements IncidentEvent {

    public CampaignSeverityChangedEvent {
        sectors = Set.copyOf(sectors);
    }

    public boolean opened() {
        return previousSeverity == null;
    }

    @Override
    public String subject() {
        return campaignId.toString();
    }
}
