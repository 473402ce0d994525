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

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends integration events to their topic with CloudEvents attributes. Called from the services' tracking
 * processors in the processing group {@link #PROCESSING_GROUP}: the event store is the outbox. Every send is
 * acknowledged ({@code acks=all}, idempotent producer) before the processor's token moves, so a failed send makes
 * the processor's batch roll back and retry: an event is published at least once, never lost.
 *
 * <p>Inside a unit of work (a tracking processor's batch) with a {@link KafkaTemplate}, sends are asynchronous
 * and the unit of work waits for all of them before it commits: one round trip per batch instead of one per
 * event. Otherwise each send is synchronous ({@code sync: true}).
 */
public class IntegrationEventPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private final StreamBridge streamBridge;
    private final ObjectMapper objectMapper;
    private final String source;
    private final MeterRegistry meterRegistry;
    private final KafkaTemplate<byte[], byte[]> batchSender;

    /** A publisher that sends every event synchronously. */
    public IntegrationEventPublisher(StreamBridge streamBridge, ObjectMapper objectMapper, String source,
                                     MeterRegistry meterRegistry) {
        this(streamBridge, objectMapper, source, meterRegistry, null);
    }

    /** @param batchSender sends the events of a unit of work asynchronously, awaited before it commits */
    public IntegrationEventPublisher(StreamBridge streamBridge, ObjectMapper objectMapper, String source,
                                     MeterRegistry meterRegistry, KafkaTemplate<byte[], byte[]> batchSender) {
        this.streamBridge = streamBridge;
        this.objectMapper = objectMapper;
        this.source = source;
        this.meterRegistry = meterRegistry;
        this.batchSender = batchSender;
    }

    /**
     * @param eventId the id of the stored domain event it comes from: stable across re-publication, so
     *                consumers recognise a redelivery
     */
    public void publish(IntegrationEvent event, String eventId) {
        IntegrationEventCatalogue.Entry entry = IntegrationEventCatalogue.of(event.getClass());
        if (batchSender != null && CurrentUnitOfWork.isStarted()) {
            sendInBatch(CurrentUnitOfWork.get().root(), entry, event, eventId);
            return;
        }
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
        countPublished(entry);
    }

    /**
     * The same record as the synchronous path, its CloudEvents attributes as UTF-8 headers (as any CloudEvents
     * producer writes them). No content-type header: the bindings' default, JSON, applies.
     */
    private void sendInBatch(UnitOfWork<?> unitOfWork, IntegrationEventCatalogue.Entry entry, IntegrationEvent event,
                             String eventId) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(entry.topic(), null,
                event.subject().getBytes(StandardCharsets.UTF_8), serialize(event), List.of(
                header(CloudEventHeaders.SPEC_VERSION, "1.0"),
                header(CloudEventHeaders.ID, eventId),
                header(CloudEventHeaders.SOURCE, source),
                header(CloudEventHeaders.TYPE, entry.type()),
                header(CloudEventHeaders.SUBJECT, event.subject()),
                header(CloudEventHeaders.TIME, PlatformJacksonConfiguration.MILLISECOND_INSTANT.format(event.occurredAt()))));
        List<CompletableFuture<?>> sends = unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            // before the unit of work commits, and with it the processor's token
            unitOfWork.onPrepareCommit(u -> awaitAll(pending));
            return pending;
        });
        sends.add(batchSender.send(record).thenRun(() -> countPublished(entry)));
    }

    private static final String PENDING_SENDS = IntegrationEventPublisher.class.getName() + ".pendingSends";
    private static final long SEND_TIMEOUT_SECONDS = 60;

    private static void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge every integration event of the batch", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }

    /** Closes the batch producer; Spring calls it when the context closes (an inferred destroy method). */
    public void close() throws Exception {
        if (batchSender != null && batchSender.getProducerFactory() instanceof DisposableBean producers) {
            producers.destroy();
        }
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void countPublished(IntegrationEventCatalogue.Entry entry) {
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
