package org.circc.notification.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.events.Actor;

import java.util.UUID;

/** Try a failed or dead-lettered delivery again, with a fresh retry budget. */
public record ResendDeliveryCommand(@TargetAggregateIdentifier UUID deliveryId, Actor actor) {
}
