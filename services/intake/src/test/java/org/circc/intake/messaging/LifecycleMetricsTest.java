package org.circc.intake.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IncidentStatus;
import org.circc.intake.command.IncidentReport;
import org.circc.intake.command.IncidentReportedEvent;
import org.circc.intake.command.IncidentStatusChangedEvent;
import org.circc.intake.web.ReportIncidentRequest;
import org.circc.intake.web.ReportMetrics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LifecycleMetrics metrics = new LifecycleMetrics(registry);

    @Test
    void transitionsAreCountedByTheStatusReachedAndNeverByIncident() {
        IncidentId id = IncidentId.newId();
        metrics.on(new IncidentStatusChangedEvent(id, IncidentStatus.REPORTED, IncidentStatus.TRIAGED, "r",
                Actor.system("triage"), Instant.now()));
        metrics.on(new IncidentStatusChangedEvent(IncidentId.newId(), IncidentStatus.REPORTED, IncidentStatus.TRIAGED,
                "r", Actor.system("triage"), Instant.now()));

        assertThat(registry.get("circc.intake.transitions").tag("to", "TRIAGED").counter().count()).isEqualTo(2.0);
        assertThat(registry.getMeters()).allSatisfy(meter ->
                assertThat(meter.getId().getTags()).noneMatch(tag -> tag.getValue().equals(id.toString())));
    }

    @Test
    void theDetectionDelayIsTheTimeFromDetectionToReportAndNeverNegative() {
        Instant detected = Instant.parse("2026-07-24T10:15:00Z");
        metrics.on(reported(detected, detected.plusSeconds(300)));
        metrics.on(reported(detected, detected.minusSeconds(60)));

        var timer = registry.get("circc.intake.detection.delay").timer();
        assertThat(timer.count()).isEqualTo(2);
        assertThat(timer.totalTime(TimeUnit.SECONDS)).isEqualTo(300.0);
    }

    @Test
    void reportsAreCountedByOutcomeSectorAndCategoryClassWithBoundedTags() {
        ReportMetrics reports = new ReportMetrics(registry);
        reports.accepted(Sector.GAMES_TICKETING, Category.parse("availability:ddos"));
        reports.rejected(new ReportIncidentRequest(null, null, "no-such-class", "railways", null, null, null, null, null));
        reports.rejected(null);

        assertThat(registry.get("circc.intake.reports").tags("outcome", "accepted", "sector", "games-ticketing",
                "category", "availability").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("circc.intake.reports").tags("outcome", "rejected", "sector", "railways",
                "category", "invalid").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("circc.intake.reports").tags("outcome", "rejected", "sector", "invalid",
                "category", "invalid").counter().count()).isEqualTo(1.0);
    }

    private static IncidentReportedEvent reported(Instant detectedAt, Instant reportedAt) {
        return new IncidentReportedEvent(IncidentId.newId(), new IncidentReport("t", null, Category.parse("fraud"),
                Sector.FINANCE, Tlp.AMBER, Impact.NONE, List.of(), List.of(), detectedAt),
                Actor.principal("ops@venue-tokyo", "venue-tokyo"), reportedAt);
    }
}
