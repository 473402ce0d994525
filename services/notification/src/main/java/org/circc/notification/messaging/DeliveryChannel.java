package org.circc.notification.messaging;

import org.circc.notification.command.DeliveryAttemptDueEvent;
import reactor.core.publisher.Mono;

/** A way to reach a stakeholder. An attempt never blocks the caller's thread and never completes with an error. */
public interface DeliveryChannel {

    String type();

    Mono<AttemptResult> attempt(DeliveryAttemptDueEvent due);
}
