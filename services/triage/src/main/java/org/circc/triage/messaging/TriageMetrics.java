package org.circc.triage.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code circc.triage.latency}: from intake accepting a report to triage having scored and placed it. */
public class TriageMetrics {

    private final Timer latency;
    private final Clock clock;

    public TriageMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.latency = Timer.builder("circc.triage.latency")
                .description("Time from a report's acceptance by intake to its triage")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    public void triaged(Instant reportedAt) {
        latency.record(Duration.between(reportedAt, clock.instant()));
    }

    public Timer latency() {
        return latency;
    }
}
