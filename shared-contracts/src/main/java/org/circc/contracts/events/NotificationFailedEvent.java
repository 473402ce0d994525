package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;
import java.util.UUID;

/** v1 — an attempt failed and another is scheduled at {@code nextAttemptAt}. */
public record NotificationFailedEvent(
        UUID deliveryId,
        String stakeholderId,
        String channel,
        IncidentId incidentId,
        CampaignId campaignId,
        int level,
        int attempt,
        String error,
        Instant nextAttemptAt,
        Instant occurredAt) implements DeliveryOutcomeEvent {
}
