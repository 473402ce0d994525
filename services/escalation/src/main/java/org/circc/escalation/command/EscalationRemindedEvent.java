package org.circc.escalation.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

import java.time.Instant;
import java.util.List;

/** Stored when an exhausted chain reminds its last level; the next reminder is due at {@code nextReminderAt}. */
public record EscalationRemindedEvent(
        CampaignId campaignId,
        IncidentId incidentId,
        int level,
        List<String> targets,
        Instant nextReminderAt,
        Severity severity,
        Sector sector,
        Tlp tlp,
        Instant remindedAt) {

    public EscalationRemindedEvent {
        targets = List.copyOf(targets);
    }
}
