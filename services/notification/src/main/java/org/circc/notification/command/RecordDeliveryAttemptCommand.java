package org.circc.notification.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Record the outcome of one attempt to deliver; {@code error} is null when it succeeded. */
public record RecordDeliveryAttemptCommand(@TargetAggregateIdentifier UUID deliveryId, int attempt, boolean succeeded,
                                           String error) {
}
