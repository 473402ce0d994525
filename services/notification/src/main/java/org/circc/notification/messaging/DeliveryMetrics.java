package org.circc.notification.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.circc.notification.command.DeliveryAttemptRecordedEvent;
import org.circc.notification.command.DeliveryState;
import org.circc.notification.command.Notice;
import org.circc.notification.command.Stakeholder;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The delivery numbers as metrics: attempts by channel and outcome, dead letters, and the latency from the event
 * that caused a notice (a level raised, a reminder, a severity rise) to its delivery. Not on replays.
 */
@Component
@ProcessingGroup(DeliveryDispatcher.PROCESSING_GROUP)
public class DeliveryMetrics {

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
        // registered at start-up, so the alert on dead letters has a series per channel while it is still zero
        List.of(Stakeholder.Channel.WEBHOOK, Stakeholder.Channel.EMAIL, Stakeholder.Channel.STREAM).forEach(this::deadLetters);
    }

    private Counter deadLetters(String channel) {
        return Counter.builder("circc.notification.dead.letters")
                .description("Deliveries given up")
                .tag("channel", channel)
                .register(registry);
    }

    @EventHandler
    @DisallowReplay
    void on(DeliveryAttemptRecordedEvent event) {
        Counter.builder("circc.notification.deliveries")
                .description("Delivery attempts by channel and the state they left the delivery in")
                .tag("channel", event.channel())
                .tag("outcome", event.state().name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
        if (event.state() == DeliveryState.DEAD_LETTERED) {
            deadLetters(event.channel()).increment();
        }
        // a digest waits for its window by design: it is not a delivery delay
        if (event.state() == DeliveryState.DELIVERED && !Notice.DIGEST.equals(event.notice().eventType())) {
            Timer.builder("circc.notification.delivery.latency")
                    .description("From the event that caused a notice to its delivery")
                    .tag("channel", event.channel())
                    .publishPercentileHistogram()
                    .publishPercentiles(0.5, 0.99)
                    .register(registry)
                    .record(Duration.between(event.raisedAt(), event.attemptedAt()));
        }
    }
}
