package org.circc.notification.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Record that {@code notice} is to reach stakeholder {@code stakeholderId} on {@code channel}. */
public record QueueDeliveryCommand(
        @TargetAggregateIdentifier UUID deliveryId,
        String stakeholderId,
        String channel,
        Notice notice) {
}
