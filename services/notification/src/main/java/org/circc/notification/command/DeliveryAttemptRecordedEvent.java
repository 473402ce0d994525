package org.circc.notification.command;

import java.time.Instant;
import java.util.UUID;

/**
 * Stored for every attempt with its outcome and timing, and the state the delivery is in after it;
 * {@code nextAttemptAt} when it is {@link DeliveryState#FAILED}.
 */
public record DeliveryAttemptRecordedEvent(
        UUID deliveryId,
        String stakeholderId,
        String channel,
        Notice notice,
        Instant raisedAt,
        int attempt,
        AttemptOutcome outcome,
        Integer status,
        String error,
        Instant startedAt,
        long durationMillis,
        DeliveryState state,
        Instant nextAttemptAt,
        Instant attemptedAt) {
}
