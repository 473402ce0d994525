package org.circc.notification.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.circc.notification.command.DeliveryAttemptDueEvent;
import org.circc.notification.command.RecordDeliveryAttemptCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes each attempt a delivery asks for and records its outcome. The handler only starts the attempt, so one
 * slow endpoint never holds up the processor; the outcome is recorded off the I/O threads. If the process dies
 * during an attempt, the delivery's overdue deadline asks for it again. Replays never re-send.
 */
@Component
@ProcessingGroup(DeliveryDispatcher.PROCESSING_GROUP)
public class DeliveryDispatcher {

    public static final String PROCESSING_GROUP = "delivery-dispatch";

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final Map<String, DeliveryChannel> channels;
    private final CommandGateway commandGateway;
    private final Clock clock;

    public DeliveryDispatcher(List<DeliveryChannel> channels, CommandGateway commandGateway, Clock clock) {
        this.channels = channels.stream().collect(Collectors.toUnmodifiableMap(DeliveryChannel::type,
                Function.identity()));
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    void on(DeliveryAttemptDueEvent due) {
        DeliveryChannel channel = channels.get(due.channel());
        Instant startedAt = clock.instant();
        long started = System.nanoTime();
        Mono<AttemptResult> attempt = channel == null
                ? Mono.just(AttemptResult.permanent(null, "unknown channel " + due.channel()))
                : channel.attempt(due).onErrorResume(e -> Mono.just(AttemptResult.retryable(null, e.toString())));
        attempt.publishOn(Schedulers.boundedElastic())
                .subscribe(result -> record(due, result, startedAt, (System.nanoTime() - started) / 1_000_000));
    }

    private void record(DeliveryAttemptDueEvent due, AttemptResult result, Instant startedAt, long millis) {
        try {
            commandGateway.sendAndWait(new RecordDeliveryAttemptCommand(due.deliveryId(), due.attempt(),
                    result.outcome(), result.status(), result.error(), startedAt, millis));
        } catch (RuntimeException e) {
            // the overdue deadline makes the attempt again
            log.warn("could not record attempt {} of delivery {}: {}", due.attempt(), due.deliveryId(), e.toString());
        }
    }
}
