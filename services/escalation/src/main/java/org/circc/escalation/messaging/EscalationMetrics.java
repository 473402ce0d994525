package org.circc.escalation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.circc.escalation.command.EscalationAcknowledgedEvent;
import org.circc.escalation.command.EscalationExhaustedEvent;
import org.circc.escalation.command.EscalationLevelRaisedEvent;

import java.time.Duration;

/**
 * The numbers a center lives by, counted as events are stored (subscribing processor {@value #PROCESSING_GROUP}),
 * never again on a replay.
 */
@ProcessingGroup(EscalationMetrics.PROCESSING_GROUP)
public class EscalationMetrics {

    public static final String PROCESSING_GROUP = "escalation-metrics";

    private final MeterRegistry registry;

    public EscalationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(EscalationLevelRaisedEvent event) {
        Counter.builder("circc.escalation.levels.reached")
                .description("Levels raised, by level: how far escalations get before someone acknowledges")
                .tag("level", Integer.toString(event.level()))
                .register(registry)
                .increment();
    }

    @EventHandler
    void on(EscalationExhaustedEvent event) {
        Counter.builder("circc.escalation.exhausted")
                .description("Escalations whose last level passed its deadline unacknowledged")
                .register(registry)
                .increment();
    }

    @EventHandler
    void on(EscalationAcknowledgedEvent event) {
        Timer.builder("circc.escalation.time.to.acknowledge")
                .description("From the start of an escalation to its acknowledgement, by severity at acknowledgement")
                .tag("severity", event.severity().displayName())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofHours(4))
                .register(registry)
                .record(Duration.between(event.startedAt(), event.acknowledgedAt()));
    }
}
