package org.circc.notification.command;

import java.time.Instant;
import java.util.UUID;

/** Stored when a delivery is queued. Webhook secrets are never here; addresses stay in this service's store. */
public record DeliveryQueuedEvent(UUID deliveryId, String stakeholderId, String channel, String address,
                                  Notice notice, Instant raisedAt, Instant queuedAt) {
}
