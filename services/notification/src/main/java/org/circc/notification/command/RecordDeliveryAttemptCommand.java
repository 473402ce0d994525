package org.circc.notification.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Record the outcome of attempt {@code attempt}: the response {@code status} (HTTP or SMTP; null if none), the
 * {@code error} (null on success), when it started and how long it took.
 */
public record RecordDeliveryAttemptCommand(@TargetAggregateIdentifier UUID deliveryId, int attempt,
                                           AttemptOutcome outcome, Integer status, String error, Instant startedAt,
                                           long durationMillis) {
}
