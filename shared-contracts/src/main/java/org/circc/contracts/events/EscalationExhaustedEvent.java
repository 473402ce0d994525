package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;
import java.util.UUID;

/** v1 — the last level's deadline passed unacknowledged; the last level is reminded until someone acknowledges. */
public record EscalationExhaustedEvent(
        UUID escalationId,
        CampaignId campaignId,
        IncidentId incidentId,
        int level,
        Instant occurredAt) implements IncidentEvent {

    @Override
    public String subject() {
        return escalationId.toString();
    }
}
