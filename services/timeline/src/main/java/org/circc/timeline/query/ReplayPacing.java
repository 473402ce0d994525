package org.circc.timeline.query;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Replays entries at the pace they happened, {@code speed} times faster (1 = real time; 0 = as fast as the reader
 * reads). Each entry is due at the start plus its distance from the first entry divided by the speed, so delays
 * do not accumulate drift; one entry at a time is held, the rest wait in the source until the reader asks.
 */
public final class ReplayPacing {

    private ReplayPacing() {
    }

    public static Flux<ReplayLog.Logged> paced(Flux<ReplayLog.Logged> entries, double speed) {
        if (speed <= 0) {
            return entries;
        }
        return Flux.defer(() -> {
            Scheduler scheduler = Schedulers.parallel();
            long[] start = new long[1];
            Instant[] first = new Instant[1];
            return entries.concatMap(logged -> {
                long now = scheduler.now(TimeUnit.MILLISECONDS);
                if (first[0] == null) {
                    first[0] = logged.entry().at();
                    start[0] = now;
                }
                long dueAt = start[0] + (long) (Duration.between(first[0], logged.entry().at()).toMillis() / speed);
                long wait = dueAt - now;
                return wait <= 0 ? Mono.just(logged) : Mono.delay(Duration.ofMillis(wait), scheduler).thenReturn(logged);
            }, 1);
        });
    }
}
