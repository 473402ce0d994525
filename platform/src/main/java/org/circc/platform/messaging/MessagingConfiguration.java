package org.circc.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Publication and consumption of integration events, the same way in every service. */
@AutoConfiguration
public class MessagingConfiguration {

    @Bean
    IntegrationEventPublisher integrationEventPublisher(StreamBridge streamBridge, ObjectMapper objectMapper,
                                                        @Value("${circc.service.name}") String serviceName,
                                                        MeterRegistry meterRegistry) {
        return new IntegrationEventPublisher(streamBridge, objectMapper, "/circc/" + serviceName, meterRegistry);
    }

    @Bean
    IntegrationEventInbox integrationEventInbox(JdbcTemplate jdbcTemplate) {
        return new IntegrationEventInbox(jdbcTemplate);
    }

    @Bean
    IntegrationEventConsumers integrationEventConsumers(ObjectMapper objectMapper, IntegrationEventInbox inbox,
                                                        TransactionTemplate transactionTemplate,
                                                        MeterRegistry meterRegistry, StreamBridge streamBridge,
                                                        @Value("${spring.cloud.stream.default.consumer.max-attempts:3}") int maxAttempts,
                                                        @Value("${spring.cloud.stream.default.consumer.back-off-initial-interval:1000}") long initialBackOff,
                                                        @Value("${spring.cloud.stream.default.consumer.back-off-max-interval:10000}") long maxBackOff) {
        return new IntegrationEventConsumers(objectMapper, inbox, transactionTemplate, meterRegistry, streamBridge,
                new IntegrationEventConsumers.BatchRetry(maxAttempts, initialBackOff, maxBackOff));
    }
}
