package org.circc.intake.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.circc.intake.command.IncidentReportedEvent;
import org.circc.intake.command.IncidentStatusChangedEvent;

import java.time.Duration;

/**
 * {@code circc.intake.transitions{to}} and {@code circc.intake.detection.delay} (reportedAt − detectedAt), from
 * the stored events as they are stored: a subscribing processor (application.yml), so a replay counts nothing twice.
 * Tags are bounded (statuses only, never incident ids).
 */
@ProcessingGroup(LifecycleMetrics.PROCESSING_GROUP)
public class LifecycleMetrics {

    public static final String PROCESSING_GROUP = "intake-metrics";

    private final MeterRegistry registry;
    private final Timer detectionDelay;

    public LifecycleMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.detectionDelay = Timer.builder("circc.intake.detection.delay")
                .description("Time from an incident's detection to its report")
                .publishPercentileHistogram()
                .register(registry);
    }

    @EventHandler
    void on(IncidentReportedEvent event) {
        Duration delay = Duration.between(event.report().detectedAt(), event.reportedAt());
        detectionDelay.record(delay.isNegative() ? Duration.ZERO : delay);
    }

    @EventHandler
    void on(IncidentStatusChangedEvent event) {
        Counter.builder("circc.intake.transitions")
                .description("Lifecycle transitions of incidents, by the status reached")
                .tag("to", event.to().name())
                .register(registry)
                .increment();
    }
}
