package org.circc.escalation.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;

/**
 * Stored when the chain ended: every member resolved, closed or withdrawn, or the campaign merged away.
 *
 * @param mergedInto the surviving campaign when the chain ended by a merge, else null
 */
public record EscalationEndedEvent(CampaignId campaignId, IncidentId incidentId, String reason,
                                   CampaignId mergedInto, Instant endedAt) {
}
