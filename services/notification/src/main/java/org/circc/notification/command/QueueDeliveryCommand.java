package org.circc.notification.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Record that {@code notice} is to reach stakeholder {@code stakeholderId} on {@code channel} at {@code address}
 * (an e-mail address or webhook URL; null for the stream). {@code raisedAt}: when the event that caused it
 * happened, the start of the delivery latency.
 */
public record QueueDeliveryCommand(
        @TargetAggregateIdentifier UUID deliveryId,
        String stakeholderId,
        String channel,
        String address,
        Notice notice,
        Instant raisedAt) {
}
