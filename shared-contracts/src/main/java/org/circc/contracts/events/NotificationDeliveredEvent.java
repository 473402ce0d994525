package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;
import java.util.UUID;

/** v1 — a delivery reached its channel ({@code channel} is {@code webhook}, {@code email} or {@code stream}). */
public record NotificationDeliveredEvent(
        UUID deliveryId,
        String stakeholderId,
        String channel,
        IncidentId incidentId,
        CampaignId campaignId,
        int level,
        int attempt,
        boolean redacted,
        Instant occurredAt) implements DeliveryOutcomeEvent {
}
