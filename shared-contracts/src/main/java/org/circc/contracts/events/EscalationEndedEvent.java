package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;
import java.util.UUID;

/** v1 — the chain ended: every member resolved, closed or withdrawn, or its campaign merged into another. */
public record EscalationEndedEvent(
        UUID escalationId,
        CampaignId campaignId,
        IncidentId incidentId,
        String reason,
        Instant occurredAt) implements IncidentEvent {

    @Override
    public String subject() {
        return escalationId.toString();
    }
}
