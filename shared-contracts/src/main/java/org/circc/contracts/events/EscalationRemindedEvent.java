package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * v1 — an exhausted escalation reminded its last level's {@code targets}; the next reminder is due at
 * {@code nextReminderAt} unless someone acknowledges. Reminders are never suppressed by notification.
 */
public record EscalationRemindedEvent(
        UUID escalationId,
        CampaignId campaignId,
        IncidentId incidentId,
        int level,
        List<String> targets,
        Instant nextReminderAt,
        Severity severity,
        Sector sector,
        Tlp tlp,
        Instant occurredAt) implements IncidentEvent {

    public EscalationRemindedEvent {
        targets = List.copyOf(targets);
    }

    @Override
    public String subject() {
        return escalationId.toString();
    }
}
