package org.circc.triage.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

import java.time.Instant;
import java.util.Set;

/**
 * Stored when a campaign opened ({@code previousSeverity} null) or its severity changed, triggered by
 * {@code incidentId}; {@code tlp} is the most restrictive label among the members.
 */
public record CampaignSeverityChangedEvent(
        CampaignId campaignId,
        IncidentId incidentId,
        Severity previousSeverity,
        Severity severity,
        Set<Sector> sectors,
        Tlp tlp,
        Instant changedAt) {

    public CampaignSeverityChangedEvent {
        sectors = Set.copyOf(sectors);
    }
}
