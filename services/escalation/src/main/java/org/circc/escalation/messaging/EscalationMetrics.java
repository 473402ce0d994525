package org.circc.escalation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.circc.contracts.Severity;
import org.circc.escalation.command.EscalationAcknowledgedEvent;
import org.circc.escalation.command.EscalationExhaustedEvent;
import org.circc.escalation.command.EscalationLevelRaisedEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The numbers a center lives by, counted as events are stored (subscribing processor {@value #PROCESSING_GROUP}),
 * never again on a replay. The subscribing processor runs inside the storing transaction, which a consumer's
 * transaction may still roll back (and retry): a count waits for the commit, so a rolled-back event counts nothing.
 */
@ProcessingGroup(EscalationMetrics.PROCESSING_GROUP)
public class EscalationMetrics {

    public static final String PROCESSING_GROUP = "escalation-metrics";

    private final MeterRegistry registry;
    // registered at start-up, so the alerts and the dashboard have a series while nothing has happened yet
    private final Counter exhausted;
    private final Map<Severity, Timer> timeToAcknowledge = new EnumMap<>(Severity.class);

    public EscalationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.exhausted = Counter.builder("circc.escalation.exhausted")
                .description("Escalations whose last level passed its deadline unacknowledged")
                .register(registry);
        for (Severity severity : Severity.values()) {
            timeToAcknowledge.put(severity, Timer.builder("circc.escalation.time.to.acknowledge")
                    .description("From the start of an escalation to its acknowledgement, by severity at "
                            + "acknowledgement")
                    .tag("severity", severity.displayName())
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofSeconds(1))
                    .maximumExpectedValue(Duration.ofHours(4))
                    .register(registry));
        }
    }

    @EventHandler
    void on(EscalationLevelRaisedEvent event) {
        afterCommit(() -> Counter.builder("circc.escalation.levels.reached")
                .description("Levels raised, by level: how far escalations get before someone acknowledges")
                .tag("level", Integer.toString(event.level()))
                .register(registry)
                .increment());
    }

    @EventHandler
    void on(EscalationExhaustedEvent event) {
        afterCommit(exhausted::increment);
    }

    @EventHandler
    void on(EscalationAcknowledgedEvent event) {
        afterCommit(() -> timeToAcknowledge.get(event.severity())
                .record(Duration.between(event.startedAt(), event.acknowledgedAt())));
    }

    /** Without a transaction (tests, or an event stored outside one) the count is taken at once. */
    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
