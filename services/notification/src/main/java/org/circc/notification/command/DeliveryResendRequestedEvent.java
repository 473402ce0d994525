package org.circc.notification.command;

import org.circc.contracts.events.Actor;

import java.time.Instant;
import java.util.UUID;

/** Stored when someone asked to try a failed or dead-lettered delivery again. */
public record DeliveryResendRequestedEvent(UUID deliveryId, Actor actor, Instant requestedAt) {
}
