package org.circc.timeline.query;

import org.circc.contracts.IncidentId;
import org.circc.contracts.events.Actor;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The pace of a replay in virtual time, and that a slow reader holds the source back rather than buffering it. */
class ReplayPacingTest {

    private static final Instant T0 = Instant.parse("2026-07-24T10:20:00Z");

    @Test
    void entriesComeWhenTheyHappenedDividedByTheSpeed() {
        StepVerifier.withVirtualTime(() -> ReplayPacing.paced(Flux.just(logged(1, 0), logged(2, 60), logged(3, 60),
                        logged(4, 180)), 2))
                .expectSubscription()
                .assertNext(logged -> assertThat(logged.position()).isEqualTo(1))
                .expectNoEvent(Duration.ofSeconds(29))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(logged -> assertThat(logged.position()).isEqualTo(2))
                .assertNext(logged -> assertThat(logged.position()).as("same instant, no wait").isEqualTo(3))
                .expectNoEvent(Duration.ofSeconds(59))
                .thenAwait(Duration.ofSeconds(1))
                .assertNext(logged -> assertThat(logged.position()).isEqualTo(4))
                .verifyComplete();
    }

    @Test
    void realTimeIsSpeedOne() {
        StepVerifier.withVirtualTime(() -> ReplayPacing.paced(Flux.just(logged(1, 0), logged(2, 3600)), 1))
                .expectNextCount(1)
                .expectNoEvent(Duration.ofMinutes(59))
                .thenAwait(Duration.ofMinutes(1))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void aReaderThatAsksForOneGetsOneAndTheSourceIsNotDrainedAhead() {
        AtomicLong requested = new AtomicLong();
        Flux<ReplayLog.Logged> source = Flux.range(0, 10_000).map(i -> logged(i, 0))
                .doOnRequest(n -> requested.addAndGet(Math.min(n, 1_000_000)));

        StepVerifier.create(ReplayPacing.paced(source, 0), 1)
                .expectNextCount(1)
                .thenRequest(2)
                .expectNextCount(2)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(requested.get()).isEqualTo(3);

        requested.set(0);
        StepVerifier.create(ReplayPacing.paced(source, 1000), 1)
                .expectNextCount(1)
                .thenCancel()
                .verify(Duration.ofSeconds(5));
        assertThat(requested.get()).as("paced: one entry held at a time").isLessThanOrEqualTo(2);
    }

    private static ReplayLog.Logged logged(long position, long second) {
        return new ReplayLog.Logged(position, IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b"),
                new TimelineEntry("e" + position, T0.plusSeconds(second), "incident.updated", Actor.system("test"),
                        "summary", Map.of()));
    }
}
