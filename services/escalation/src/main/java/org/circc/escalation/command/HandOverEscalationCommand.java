package org.circc.escalation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.CampaignId;

/**
 * The campaign merged into {@code survivorId}: end its chain and answer where it stood (an
 * {@link EscalationChain}), or null if it had ended already.
 */
public record HandOverEscalationCommand(@TargetAggregateIdentifier CampaignId campaignId, CampaignId survivorId) {
}
