package org.circc.notification.command;

import java.time.Instant;
import java.util.UUID;

/** Stored for every attempt with its outcome; {@code finalAttempt} when no further attempt follows. */
public record DeliveryAttemptedEvent(
        UUID deliveryId,
        String stakeholderId,
        String channel,
        Notice notice,
        int attempt,
        boolean succeeded,
        String error,
        boolean finalAttempt,
        Instant attemptedAt) {
}
