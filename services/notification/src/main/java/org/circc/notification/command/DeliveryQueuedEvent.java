package org.circc.notification.command;

import java.time.Instant;
import java.util.UUID;

/** Stored when a delivery is queued; the channel's address stays in the directory, never in events. */
public record DeliveryQueuedEvent(UUID deliveryId, String stakeholderId, String channel, Notice notice, Instant queuedAt) {
}
