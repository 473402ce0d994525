package org.circc.escalation.messaging;

import org.circc.escalation.command.Conflicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.messaging.Message;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Retries a transactional consumer whose transaction lost a race: a chain's deadline (or another node) appended to
 * the same chain first, or the database chose it as a deadlock victim. Each attempt is a new transaction against
 * the latest state, so such a race costs milliseconds, not the binder's back-off or a dead letter.
 */
public final class ConflictRetry {

    static final int MAX_ATTEMPTS = 5;
    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(ConflictRetry.class);

    private ConflictRetry() {
    }

    public static Consumer<Message<byte[]>> around(String consumerName, Consumer<Message<byte[]>> consumer) {
        return message -> {
            for (int attempt = 1; ; attempt++) {
                try {
                    consumer.accept(message);
                    return;
                } catch (RuntimeException e) {
                    if (attempt >= MAX_ATTEMPTS || !isConflict(e)) {
                        throw e;
                    }
                    log.debug("{}: attempt {} lost a race ({}); trying again", consumerName, attempt, e.toString());
                    pause(PAUSE.multipliedBy(attempt));
                }
            }
        };
    }

    static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException) {
                return true;
            }
        }
        return Conflicts.isConflict(e);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts", e);
        }
    }
}
