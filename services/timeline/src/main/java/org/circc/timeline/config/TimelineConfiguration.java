package org.circc.timeline.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.circc.platform.messaging.IntegrationEventConsumers;
import org.circc.timeline.messaging.ReadModelRebuild;
import org.circc.timeline.messaging.TimelineProjection;
import org.circc.timeline.query.IncidentQueries;
import org.circc.timeline.query.ReadModelGenerations;
import org.circc.timeline.query.ReadModelProjector;
import org.circc.timeline.query.TimelineEntryFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/** The timeline consumes every topic (application.yml binds one consumer per topic, group {@code timeline}). */
@Configuration
public class TimelineConfiguration {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    TimelineEntryFactory timelineEntryFactory(ObjectMapper objectMapper) {
        return new TimelineEntryFactory(objectMapper);
    }

    @Bean
    ReadModelGenerations readModelGenerations(ReactiveMongoTemplate mongo, ObjectMapper objectMapper) {
        ReadModelGenerations generations = new ReadModelGenerations(mongo, objectMapper);
        generations.load().block(STARTUP_TIMEOUT);
        return generations;
    }

    @Bean
    ReadModelProjector readModelProjector(TimelineEntryFactory entries, MeterRegistry meterRegistry) {
        return new ReadModelProjector(entries, meterRegistry);
    }

    @Bean
    IncidentQueries incidentQueries(ReadModelGenerations generations, TimelineEntryFactory entries, Clock clock) {
        return new IncidentQueries(generations, entries, clock);
    }

    @Bean
    TimelineProjection timelineProjection(ReadModelGenerations generations, ReadModelProjector projector) {
        return new TimelineProjection(generations, projector);
    }

    @Bean
    ReadModelRebuild readModelRebuild(ReadModelGenerations generations, ReadModelProjector projector,
                                      IntegrationEventConsumers consumers, Clock clock,
                                      @Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers) {
        return new ReadModelRebuild(generations, projector, consumers, clock, brokers);
    }

    @Bean
    Consumer<Message<byte[]>> incidentEvents(IntegrationEventConsumers consumers, TimelineProjection projection) {
        return consumers.idempotent("timeline.incident-events", projection);
    }

    @Bean
    Consumer<Message<byte[]>> triageEvents(IntegrationEventConsumers consumers, TimelineProjection projection) {
        return consumers.idempotent("timeline.triage-events", projection);
    }

    @Bean
    Consumer<Message<byte[]>> escalationEvents(IntegrationEventConsumers consumers, TimelineProjection projection) {
        return consumers.idempotent("timeline.escalation-events", projection);
    }

    @Bean
    Consumer<Message<byte[]>> notificationEvents(IntegrationEventConsumers consumers, TimelineProjection projection) {
        return consumers.idempotent("timeline.notification-events", projection);
    }

    @Bean
    Consumer<Message<byte[]>> directoryEvents(IntegrationEventConsumers consumers, TimelineProjection projection) {
        return consumers.idempotent("timeline.directory-events", projection);
    }
}
