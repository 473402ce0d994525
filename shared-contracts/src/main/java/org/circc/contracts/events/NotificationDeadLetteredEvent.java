package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;
import java.util.UUID;

/** v1 — a delivery gave up: no more attempts unless a coordinator re-sends it. */
public record NotificationDeadLetteredEvent(
        UUID deliveryId,
        String stakeholderId,
        String channel,
        IncidentId incidentId,
        CampaignId campaignId,
        int level,
        int attempt,
        String error,
        Instant occurredAt) implements DeliveryOutcomeEvent {
}
