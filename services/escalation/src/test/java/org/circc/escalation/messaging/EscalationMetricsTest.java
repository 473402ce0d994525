package org.circc.escalation.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.escalation.command.EscalationAcknowledgedEvent;
import org.circc.escalation.command.EscalationExhaustedEvent;
import org.circc.escalation.command.EscalationLevelRaisedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationMetricsTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EscalationMetrics metrics = new EscalationMetrics(registry);

    private static EscalationLevelRaisedEvent raised(int level) {
        return new EscalationLevelRaisedEvent(CAMPAIGN, INCIDENT, level, List.of("csirt-oncall"), AT, Severity.HIGH,
                Sector.RAILWAYS, Tlp.AMBER, "reason", AT);
    }

    @Test
    void levelsReachedAreCountedByLevel() {
        metrics.on(raised(1));
        metrics.on(raised(2));
        metrics.on(raised(1));

        assertThat(registry.get("circc.escalation.levels.reached").tag("level", "1").counter().count()).isEqualTo(2);
        assertThat(registry.get("circc.escalation.levels.reached").tag("level", "2").counter().count()).isEqualTo(1);
    }

    @Test
    void exhaustedEscalationsAreCounted() {
        metrics.on(new EscalationExhaustedEvent(CAMPAIGN, INCIDENT, 3, AT));

        assertThat(registry.get("circc.escalation.exhausted").counter().count()).isEqualTo(1);
    }

    @Test
    void everySeverityHasAnEmptyTimeToAcknowledgeBeforeTheFirstAcknowledgement() {
        assertThat(registry.get("circc.escalation.time.to.acknowledge").timers())
                .extracting(timer -> timer.getId().getTag("severity"))
                .containsExactlyInAnyOrder("Baseline", "Low", "Medium", "High", "Severe", "Emergency");
        assertThat(registry.get("circc.escalation.time.to.acknowledge").timers())
                .allSatisfy(timer -> assertThat(timer.count()).isZero());
    }

    @Test
    void timeToAcknowledgeIsMeasuredFromTheStartBySeverity() {
        metrics.on(new EscalationAcknowledgedEvent(CAMPAIGN, INCIDENT, 2, null, Actor.principal("coordinator-1", "circc"),
                Severity.SEVERE, AT, AT.plusSeconds(420)));

        var timer = registry.get("circc.escalation.time.to.acknowledge").tag("severity", "Severe").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.SECONDS)).isEqualTo(420);
    }

    /** The subscribing processor runs inside the consumer's transaction: a rollback (then a retry) counts once. */
    @Test
    void aCountWaitsForTheCommitAndARolledBackEventCountsNothing() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            metrics.on(raised(1));
            assertThat(registry.find("circc.escalation.levels.reached").counter()).isNull();
            TransactionSynchronizationManager.getSynchronizations()
                    .forEach(synchronization -> synchronization.afterCompletion(
                            TransactionSynchronization.STATUS_ROLLED_BACK));
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(registry.find("circc.escalation.levels.reached").counter()).isNull();

        TransactionSynchronizationManager.initSynchronization();
        try {
            metrics.on(raised(1));
            metrics.on(new EscalationExhaustedEvent(CAMPAIGN, INCIDENT, 3, AT));
            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(registry.get("circc.escalation.levels.reached").tag("level", "1").counter().count()).isEqualTo(1);
        assertThat(registry.get("circc.escalation.exhausted").counter().count()).isEqualTo(1);
    }
}
