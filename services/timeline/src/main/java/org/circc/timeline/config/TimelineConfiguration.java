package org.circc.timeline.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.circc.platform.messaging.IntegrationEventConsumers;
import org.circc.timeline.messaging.TimelineProjection;
import org.circc.timeline.query.IncidentTimelineRepository;
import org.circc.timeline.query.TimelineEntryFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/** The timeline consumes every topic (application.yml binds one consumer per topic, group {@code timeline}). */
@Configuration
public class TimelineConfiguration {

    @Bean
    IncidentTimelineRepository incidentTimelineRepository(ReactiveMongoTemplate mongo) {
        return new IncidentTimelineRepository(mongo);
    }

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    TimelineProjection timelineProjection(IncidentTimelineRepository timelines, ObjectMapper objectMapper) {
        return new TimelineProjection(timelines, new TimelineEntryFactory(objectMapper));
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
}
