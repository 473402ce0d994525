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
 * v1 — a level of an escalation was raised: its {@code targets} (stakeholder ids) are to be told, and must
 * acknowledge before {@code ackDeadline}. Carries what a redacted notice needs (severity, sector, TLP).
 */
public record EscalationLevelRaisedEvent(
        UUID escalationId,
        CampaignId campaignId,
        IncidentId incidentId,
        int level,
        List<String> targets,
        Instant ackDeadline,
        Severity severity,
        Sector sector,
        Tlp tlp,
        String reason,
        Instant occurredAt) implements IncidentEvent {

    public EscalationLevelRaisedEvent {
        targets = List.copyOf(targets);
    }

    @Override
    public String subject() {
        return escalationId.toString();
    }
}
