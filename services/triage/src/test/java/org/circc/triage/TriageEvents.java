package org.circc.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.circc.contracts.events.Topics;
import org.circc.embedded.EmbeddedInfrastructure;
import org.circc.platform.messaging.CloudEventHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Kafka as other services see triage: reports go onto {@code circc.incident-events} as any CloudEvents producer
 * would send them (asynchronously, in batches), and {@code circc.triage-events} is read by a fresh group.
 */
final class TriageEvents implements AutoCloseable {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(java.time.ZoneOffset.UTC);

    record Received(String id, String type, IntegrationEvent event) {
    }

    private final ObjectMapper objectMapper;
    private final KafkaProducer<byte[], byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;

    TriageEvents(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        String brokers = EmbeddedInfrastructure.shared().kafkaBootstrapServers();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new ByteArraySerializer(), new ByteArraySerializer());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "triage-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.TRIAGE_EVENTS));
    }

    /** Sends without waiting; {@link #flush()} waits for every send so far. */
    Future<?> send(IntegrationEvent event, String eventId) {
        IntegrationEventCatalogue.Entry entry = IntegrationEventCatalogue.of(event.getClass());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(entry.topic(),
                event.subject().getBytes(StandardCharsets.UTF_8), json(event));
        header(record, CloudEventHeaders.SPEC_VERSION, "1.0");
        header(record, CloudEventHeaders.ID, eventId);
        header(record, CloudEventHeaders.SOURCE, "/circc/intake");
        header(record, CloudEventHeaders.TYPE, entry.type());
        header(record, CloudEventHeaders.SUBJECT, event.subject());
        header(record, CloudEventHeaders.TIME, MILLIS.format(event.occurredAt()));
        return producer.send(record);
    }

    void flush() {
        producer.flush();
    }

    /** What arrived on {@code circc.triage-events} since the last poll. */
    List<Received> poll() {
        List<Received> received = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            String type = header(record, CloudEventHeaders.TYPE);
            IntegrationEventCatalogue.ofType(type).ifPresent(entry -> received.add(
                    new Received(header(record, CloudEventHeaders.ID), type, read(record.value(), entry.eventClass()))));
        }
        return received;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }

    private byte[] json(IntegrationEvent event) {
        try {
            return objectMapper.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IntegrationEvent read(byte[] value, Class<? extends IntegrationEvent> type) {
        try {
            return objectMapper.readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A header as text; a JSON-encoded string (how Spring's header mapper may write one) is unquoted. */
    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return null;
        }
        String text = new String(header.value(), StandardCharsets.UTF_8);
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1)
                : text;
    }
}
