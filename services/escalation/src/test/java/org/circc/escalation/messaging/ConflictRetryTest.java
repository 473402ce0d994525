package org.circc.escalation.messaging;

import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A consumer's transaction that lost a race is tried again at once, a few times, before the binder sees it. */
class ConflictRetryTest {

    private static final Message<byte[]> MESSAGE = MessageBuilder.withPayload(new byte[0]).build();

    private static Consumer<Message<byte[]>> failing(AtomicInteger attempts, int failures, RuntimeException e) {
        return message -> {
            if (attempts.incrementAndGet() <= failures) {
                throw e;
            }
        };
    }

    @Test
    void aTransactionThatLostARaceToADeadlineIsTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        // as the consumer sees it: Axon's conflict wrapped by the transaction template
        RuntimeException lost = new IllegalStateException("rolled back",
                new ConcurrencyException("the deadline appended first"));

        ConflictRetry.around("test", failing(attempts, 2, lost)).accept(MESSAGE);

        assertThat(attempts).hasValue(3);
    }

    @Test
    void aDeadlockVictimIsTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();

        ConflictRetry.around("test", failing(attempts, 1, new DeadlockLoserDataAccessException("victim", null)))
                .accept(MESSAGE);

        assertThat(attempts).hasValue(2);
    }

    @Test
    void aConflictThatPersistsReachesTheBinderAfterAFewAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        ConcurrencyException conflict = new ConcurrencyException("always");

        assertThatThrownBy(() -> ConflictRetry.around("test", failing(attempts, 100, conflict)).accept(MESSAGE))
                .isSameAs(conflict);
        assertThat(attempts).hasValue(ConflictRetry.MAX_ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotRetriedHere() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalArgumentException broken = new IllegalArgumentException("unreadable");

        assertThatThrownBy(() -> ConflictRetry.around("test", failing(attempts, 100, broken)).accept(MESSAGE))
                .isSameAs(broken);
        assertThat(attempts).hasValue(1);
    }
}
