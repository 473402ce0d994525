package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;
import java.util.UUID;

/** v1 — someone acknowledged the chain at {@code level}; no further level is raised. */
public record EscalationAcknowledgedEvent(
        UUID escalationId,
        CampaignId campaignId,
        IncidentId incidentId,
        int level,
        String note,
        Actor actor,
        Instant occurredAt) implements IncidentEvent {

    @Override
    public String subject() {
        return escalationId.toString();
    }
}
