package org.circc.platform.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.circc.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events stored inside a surrounding Spring transaction (as a Kafka consumer's commands store them) reach a tracking
 * processor once that transaction commits, not one fetch delay later. The fetch delay is an hour here: an event
 * nobody woke the processor for would not arrive during the test.
 */
@SpringBootTest(classes = CommitAwareEventStoreTest.ProbeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "circc.service.name=platform-test",
                "circc.axon.event-store.fetch-delay=PT1H",
                "axon.eventhandling.processors." + CommitAwareEventStoreTest.PROCESSING_GROUP + ".mode=tracking",
        })
class CommitAwareEventStoreTest {

    static final String PROCESSING_GROUP = "platform-test-probe";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springPropertiesFor("platform-test")
                .forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactionTemplate;
    @Autowired
    ProbeHandler handler;
    @Autowired
    JdbcTemplate jdbcTemplate;

    @Test
    void theStoreIsCommitAware() {
        assertThat(eventStore).isInstanceOf(CommitAwareEventStore.class);
    }

    @Test
    void anEventStoredInASurroundingTransactionReachesTheProcessorWhenThatTransactionCommits() {
        ProbeStoredEvent alone = new ProbeStoredEvent(UUID.randomUUID().toString());
        eventStore.publish(GenericEventMessage.asEventMessage(alone));
        // stored in a transaction of its own: woken at once, as Axon does; the processor now waits for the next
        await().atMost(PATIENCE).until(() -> handler.received(alone));

        ProbeStoredEvent inTransaction = new ProbeStoredEvent(UUID.randomUUID().toString());
        transactionTemplate.executeWithoutResult(status -> {
            eventStore.publish(GenericEventMessage.asEventMessage(inTransaction));
            // the rest of the transaction's work (a consumer's inbox, its other commands): woken now, the processor
            // would look before the commit, find nothing, and sleep for the fetch delay
            jdbcTemplate.execute("SELECT pg_sleep(0.5)");
        });

        await().atMost(PATIENCE).until(() -> handler.received(inTransaction));
    }

    @Test
    void anEventOfARolledBackTransactionNeverReachesTheProcessor() {
        ProbeStoredEvent rolledBack = new ProbeStoredEvent(UUID.randomUUID().toString());
        ProbeStoredEvent after = new ProbeStoredEvent(UUID.randomUUID().toString());

        transactionTemplate.executeWithoutResult(status -> {
            eventStore.publish(GenericEventMessage.asEventMessage(rolledBack));
            status.setRollbackOnly();
        });
        transactionTemplate.executeWithoutResult(status ->
                eventStore.publish(GenericEventMessage.asEventMessage(after)));

        // the processor handles in order: once the later event arrived, the rolled-back one would have too
        await().atMost(PATIENCE).until(() -> handler.received(after));
        assertThat(handler.received(rolledBack)).isFalse();
    }

    record ProbeStoredEvent(String id) {
    }

    @ProcessingGroup(PROCESSING_GROUP)
    static class ProbeHandler {

        private final Set<String> received = ConcurrentHashMap.newKeySet();

        @EventHandler
        void on(ProbeStoredEvent event) {
            received.add(event.id());
        }

        boolean received(ProbeStoredEvent event) {
            return received.contains(event.id());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ProbeApplication {

        @Bean
        ProbeHandler probeHandler() {
            return new ProbeHandler();
        }
    }
}
