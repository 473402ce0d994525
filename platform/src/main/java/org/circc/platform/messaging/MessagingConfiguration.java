package org.circc.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.Map;

/** Publication and consumption of integration events, the same way in every service. */
@AutoConfiguration
public class MessagingConfiguration {

    @Bean
    IntegrationEventPublisher integrationEventPublisher(StreamBridge streamBridge, ObjectMapper objectMapper,
                                                        @Value("${circc.service.name}") String serviceName,
                                                        MeterRegistry meterRegistry, Environment environment) {
        return new IntegrationEventPublisher(streamBridge, objectMapper, "/circc/" + serviceName, meterRegistry,
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(batchProducerConfiguration(environment),
                        new ByteArraySerializer(), new ByteArraySerializer())));
    }

    /**
     * The producer of batched publication: the binder's brokers and producer properties, and the guarantees of
     * circc-platform.yml ({@code acks=all}, idempotent), which no property may weaken.
     */
    static Map<String, Object> batchProducerConfiguration(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Object> configuration = new HashMap<>(binder.bind("spring.cloud.stream.kafka.binder.configuration",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        configuration.putAll(binder.bind("spring.cloud.stream.kafka.binder.producer-properties",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        configuration.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", binder.bind(
                "spring.cloud.stream.kafka.binder.brokers", String[].class).orElse(new String[] {"localhost"})));
        configuration.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        configuration.put(ProducerConfig.ACKS_CONFIG, "all");
        configuration.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return configuration;
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
