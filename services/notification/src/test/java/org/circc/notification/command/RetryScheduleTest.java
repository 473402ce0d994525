package org.circc.notification.command;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private static RetrySchedule schedule(double jitter, double random) {
        return new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(15),
                Duration.ofMinutes(2), jitter, () -> random);
    }

    @Test
    void delaysDoubleFromOneSecondToASixtySecondCap() {
        RetrySchedule schedule = schedule(0, 0.5);

        assertThat(java.util.stream.IntStream.rangeClosed(1, 9).mapToObj(schedule::delayAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void jitterTakesUpToItsShareOffTheDelay() {
        assertThat(schedule(0.5, 0.0).delayAfter(3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule(0.5, 0.999).delayAfter(3)).isBetween(Duration.ofMillis(3990), Duration.ofSeconds(4));
        assertThat(schedule(0.5, 0.5).delayAfter(3)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aVeryLongRunOfFailuresDoesNotOverflow() {
        assertThat(schedule(0, 0).delayAfter(10_000)).isEqualTo(Duration.ofSeconds(60));
    }
}
