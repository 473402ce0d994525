package org.circc.notification.command;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * api.md's retry rule: exponential back-off from {@code initialDelay} doubling to {@code maxDelay}, jittered, for
 * up to {@code giveUpAfter} from the first attempt (or the resend); {@code attemptOverdueAfter}: an attempt whose
 * outcome was not recorded by then (the process died during it) is made again.
 *
 * @param jitter  the share of each delay that is random: 0 for none, 0.5 for between half and all of it
 * @param random  a source of numbers in [0, 1)
 */
public record RetrySchedule(Duration initialDelay, Duration maxDelay, Duration giveUpAfter,
                            Duration attemptOverdueAfter, double jitter, DoubleSupplier random) {

    /** The delay before the attempt that follows {@code failedAttempts} failed ones in this round. */
    public Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long millis = Math.min(maxDelay.toMillis(), initialDelay.toMillis() << doublings);
        long jittered = Math.round(millis * (1 - jitter) + millis * jitter * random.getAsDouble());
        return Duration.ofMillis(jittered);
    }
}
