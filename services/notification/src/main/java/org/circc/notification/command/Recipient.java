package org.circc.notification.command;

import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;

/**
 * A stakeholder as the disclosure rule sees it, and why it is told: as a target of the escalation level being
 * raised or reminded, or as a subscriber.
 */
public record Recipient(StakeholderKind kind, String organisation, Tlp clearance, Reason reason) {

    public enum Reason { CURRENT_LEVEL_TARGET, SUBSCRIBER }

    public static Recipient of(Stakeholder stakeholder, Reason reason) {
        return new Recipient(stakeholder.kind(), stakeholder.organisation(), stakeholder.clearance(), reason);
    }
}
