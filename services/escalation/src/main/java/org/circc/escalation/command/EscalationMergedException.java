package org.circc.escalation.command;

import org.circc.contracts.CampaignId;

/** The chain ended because its campaign merged into {@code survivorId}: the campaign's chain continues there. */
public class EscalationMergedException extends EscalationNotRunningException {

    private final transient CampaignId survivorId;

    public EscalationMergedException(CampaignId campaignId, CampaignId survivorId) {
        super("campaign " + campaignId + " merged into " + survivorId);
        this.survivorId = survivorId;
    }

    public CampaignId survivorId() {
        return survivorId;
    }
}
