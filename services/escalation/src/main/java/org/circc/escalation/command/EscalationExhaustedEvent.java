package org.circc.escalation.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;

/** Stored when the last level's deadline passed unacknowledged. */
public record EscalationExhaustedEvent(CampaignId campaignId, IncidentId incidentId, int level, Instant exhaustedAt) {
}
