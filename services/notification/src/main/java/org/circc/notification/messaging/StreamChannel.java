package org.circc.notification.messaging;

import org.circc.notification.command.AttemptOutcome;
import org.circc.notification.command.DeliveryAttemptDueEvent;
import org.circc.notification.command.Stakeholder;
import reactor.core.publisher.Mono;

/**
 * Pushes a notice to the stakeholder's open stream connections: delivered when at least one took it, merely sent
 * when none was open (a stream is for whoever watches now; e-mail and webhooks are the durable channels).
 */
public class StreamChannel implements DeliveryChannel {

    private final StreamHub hub;

    public StreamChannel(StreamHub hub) {
        this.hub = hub;
    }

    @Override
    public String type() {
        return Stakeholder.Channel.STREAM;
    }

    @Override
    public Mono<AttemptResult> attempt(DeliveryAttemptDueEvent due) {
        return Mono.fromSupplier(() -> hub.publish(due.stakeholderId(), NoticeBody.of(due.deliveryId(), due.notice())) > 0
                ? AttemptResult.delivered(null)
                : new AttemptResult(AttemptOutcome.SENT, null, "no open stream connection"));
    }
}
