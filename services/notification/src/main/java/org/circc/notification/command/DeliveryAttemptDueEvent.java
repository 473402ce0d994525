package org.circc.notification.command;

import java.time.Instant;
import java.util.UUID;

/** Attempt {@code attempt} is to be made now: all a channel needs to make it. */
public record DeliveryAttemptDueEvent(UUID deliveryId, String stakeholderId, String channel, String address,
                                      Notice notice, int attempt, Instant dueAt) {
}
