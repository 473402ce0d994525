package org.circc.triage.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;

/** Stored when an incident was linked to a campaign that had other members; {@code matchedOn} is the key that linked it. */
public record IncidentCorrelatedEvent(
        IncidentId incidentId,
        CampaignId campaignId,
        String matchedOn,
        int reportCount,
        Instant correlatedAt) {
}
