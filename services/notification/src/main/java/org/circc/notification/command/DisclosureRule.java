package org.circc.notification.command;

import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;
import org.circc.contracts.sharing.Viewer;

/**
 * The TLP table of the product brief for notifications, in one place: whether a recipient gets an incident's
 * details or the redacted notice. Everyone told at all is a target or a subscriber, so each has the AMBER need to
 * know; the center's coordinators are people, reached as targets. Plain Java, no I/O.
 */
public final class DisclosureRule {

    private DisclosureRule() {
    }

    /**
     * @param incidentTlp  the label of the incident whose details would be sent
     * @param reporterOrg  the organisation that reported it
     */
    public static boolean mayReceiveDetails(Recipient recipient, Tlp incidentTlp, String reporterOrg) {
        if (!incidentTlp.isAtMost(recipient.clearance())) {
            return false;
        }
        boolean reporter = reporterOrg.equals(recipient.organisation());
        boolean center = Viewer.CENTER_ORGANISATION.equals(recipient.organisation());
        return switch (incidentTlp) {
            case CLEAR, GREEN, AMBER -> true;
            case AMBER_STRICT -> center || reporter;
            // organisation and team channels never get RED details, whoever they belong to
            case RED -> recipient.kind() == StakeholderKind.person
                    && (reporter || recipient.reason() == Recipient.Reason.CURRENT_LEVEL_TARGET);
        };
    }
}
