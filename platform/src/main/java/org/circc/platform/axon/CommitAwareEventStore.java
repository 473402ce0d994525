package org.circc.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded event store, waking its tracking processors when stored events become visible. Axon wakes them
 * when the unit of work commits; but a unit of work that joined a surrounding Spring transaction (a Kafka consumer's
 * inbox transaction, with the commands it sent) commits before its events do. The processors then found nothing and
 * slept until the next fetch, so every event stored from a consumer reached its processors about one fetch delay
 * late. Here the wake-up waits for the surrounding transaction's commit; with none, it happens at once, as in Axon.
 */
public class CommitAwareEventStore extends EmbeddedEventStore {

    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            super.afterCommit(events);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeProcessors(events);
            }
        });
    }

    private void wakeProcessors(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
    }
}
