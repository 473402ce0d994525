package org.circc.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.circc.platform.config.PlatformJacksonConfiguration;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import java.nio.charset.StandardCharsets;

/**
 * Sends integration events to their topic with CloudEvents attributes. Called from the services' tracking
 * processors in the processing group {@link #PROCESSING_GROUP}: the event store is the outbox. Sends are
 * synchronous ({@code sync: true}, {@code acks=all}, idempotent producer), so a failed send throws, the
 * processor's batch rolls back and its token does not move: an event is published at least once, never lost.
 */
public class IntegrationEventPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private final StreamBridge streamBridge;
    private final ObjectMapper objectMapper;
    private final String source;
    private final MeterRegistry meterRegistry;

    public IntegrationEventPublisher(StreamBridge streamBridge, ObjectMapper objectMapper, String source,
                                     MeterRegistry meterRegistry) {
        this.streamBridge = streamBridge;
        this.objectMapper = objectMapper;
        this.source = source;
        this.meterRegistry = meterRegistry;
    }

    /**
     * @param eventId the id of the stored domain event it comes from: stable across re-publication, so
     *                consumers recognise a redelivery
     */
    public void publish(IntegrationEvent event, String eventId) {
        IntegrationEventCatalogue.Entry entry = IntegrationEventCatalogue.of(event.getClass());
        Message<byte[]> message = MessageBuilder.withPayload(serialize(event))
                .setHeader(KafkaHeaders.KEY, event.subject().getBytes(StandardCharsets.UTF_8))
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(CloudEventHeaders.SPEC_VERSION, "1.0")
                .setHeader(CloudEventHeaders.ID, eventId)
                .setHeader(CloudEventHeaders.SOURCE, source)
                .setHeader(CloudEventHeaders.TYPE, entry.type())
                .setHeader(CloudEventHeaders.SUBJECT, event.subject())
                .setHeader(CloudEventHeaders.TIME, PlatformJacksonConfiguration.MILLISECOND_INSTANT.format(event.occurredAt()))
                .build();
        if (!streamBridge.send(entry.topic(), message)) {
            throw new IllegalStateException("Kafka did not accept " + entry.type() + " " + eventId);
        }
        Counter.builder("circc.integration.events.published")
                .description("Integration events acknowledged by Kafka")
                .tag("type", entry.type())
                .register(meterRegistry)
                .increment();
    }

    private byte[] serialize(IntegrationEvent event) {
        try {
            return objectMapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }
}
