package org.circc.escalation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

/**
 * The surviving campaign of a merge adopts {@code chain} if it is more advanced than its own (or it has none).
 * Answers the campaign whose chain decided: this one, or the one it merged into meanwhile (send it there).
 *
 * @param survivorSeverity the survivor's last known severity, or null if triage never announced one
 * @param survivorTlp      the survivor's last known label, or null likewise
 */
public record TakeOverEscalationCommand(
        @TargetAggregateIdentifier CampaignId campaignId,
        CampaignId fromCampaignId,
        EscalationChain chain,
        Severity survivorSeverity,
        Tlp survivorTlp) {
}
