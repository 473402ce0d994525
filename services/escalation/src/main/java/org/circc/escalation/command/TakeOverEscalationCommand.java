package org.circc.escalation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.CampaignId;

/** The surviving campaign of a merge adopts {@code chain} if it is more advanced than its own (or it has none). */
public record TakeOverEscalationCommand(
        @TargetAggregateIdentifier CampaignId campaignId,
        CampaignId fromCampaignId,
        EscalationChain chain) {
}
