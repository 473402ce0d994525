package org.circc.escalation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.CampaignId;

/** End the chain (every member resolved, closed or withdrawn); no-op if it ended already. */
public record EndEscalationCommand(@TargetAggregateIdentifier CampaignId campaignId, String reason) {
}
