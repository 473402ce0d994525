package org.circc.platform.axon;

import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The event store as Axon's auto-configuration builds it (after the JDBC engine, before Axon's own store), but a
 * {@link CommitAwareEventStore}.
 */
@AutoConfiguration(after = JdbcAutoConfiguration.class, before = AxonAutoConfiguration.class)
public class CommitAwareEventStoreConfiguration {

    /**
     * @param fetchDelay how long tracking processors go without looking for events nobody woke them for: those
     *                   another instance of the service stored. Axon's default is a second.
     */
    @Bean
    @Qualifier("eventStore")
    EmbeddedEventStore eventBus(EventStorageEngine storageEngine, Configuration configuration,
                                @Value("${circc.axon.event-store.fetch-delay:200ms}") Duration fetchDelay) {
        return new CommitAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS));
    }
}
