package org.circc.escalation.command;

import org.circc.contracts.CampaignId;

import java.time.Instant;

/**
 * Stored when the surviving campaign of a merge adopted the more advanced chain of {@code fromCampaignId}: from now
 * on this campaign's chain is {@code chain}, with its policy version, level, targets and deadline, joined with the
 * survivor's severity, label and targets.
 *
 * @param replacedRunningChain whether the survivor had a running chain of its own (else the adopted one starts it)
 */
public record EscalationTakenOverEvent(CampaignId campaignId, CampaignId fromCampaignId, EscalationChain chain,
                                       boolean replacedRunningChain, Instant takenOverAt) {
}
