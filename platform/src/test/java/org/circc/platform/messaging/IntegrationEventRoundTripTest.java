package org.circc.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.circc.contracts.events.Topics;
import org.circc.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Publication and consumption of integration events for real: the platform's publisher sends to the catalogue's
 * topic on the embedded Kafka, and a transactional consumer of a tiny test service reads it back, de-duplicating
 * in its PostgreSQL inbox, dead-lettering what its handler keeps rejecting and ignoring types it does not know.
 *
 * <p>The consumer group and the consumer (inbox) name are unique per run, so the test holds on external, persistent
 * servers too: it first waits until the new group has read whatever the topic already held.
 */
@SpringBootTest(classes = RoundTripTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "circc.service.name=platform-test",
                "spring.cloud.function.definition=roundTrip",
                "spring.cloud.stream.bindings.roundTrip-in-0.destination=" + Topics.INCIDENT_EVENTS,
                "spring.cloud.stream.kafka.bindings.roundTrip-in-0.consumer.dlq-name=" + Topics.INCIDENT_EVENTS + ".dlq",
        })
class IntegrationEventRoundTripTest {

    private static final String GROUP = "platform-test-round-trip-" + UUID.randomUUID();
    private static final String TOPIC = Topics.INCIDENT_EVENTS;
    private static final String DLQ = Topics.deadLetterTopicOf(TOPIC);
    private static final String REPORTED = IntegrationEventCatalogue.of(IncidentReportedEvent.class).type();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static volatile boolean caughtUp;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springPropertiesFor("platform-test")
                .forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.cloud.stream.bindings.roundTrip-in-0.group", () -> GROUP);
    }

    @Autowired
    IntegrationEventPublisher publisher;
    @Autowired
    RoundTripTestApplication.RecordingHandler handler;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    MeterRegistry meterRegistry;
    @Autowired
    ObjectMapper objectMapper;

    @BeforeEach
    void consumerHasReadWhatTheTopicAlreadyHeld() throws Exception {
        if (!caughtUp) {
            awaitGroupAtEndOfTopic();
            caughtUp = true;
        }
    }

    @Test
    void aPublishedEventReachesTheConsumerWithItsCloudEventsAttributesAndItsPayload() {
        IncidentReportedEvent event = report(IncidentId.newId(), "SYN flood on the ticketing portal");
        String eventId = UUID.randomUUID().toString();

        publisher.publish(event, eventId);

        await().atMost(PATIENCE).until(() -> handler.received(eventId) != null);
        ReceivedIntegrationEvent received = handler.received(eventId);
        assertThat(received.id()).isEqualTo(eventId);
        assertThat(received.type()).isEqualTo("org.circc.incident.reported.v1").isEqualTo(REPORTED);
        assertThat(received.source()).isEqualTo("/circc/platform-test");
        assertThat(received.subject()).isEqualTo(event.incidentId().toString());
        assertThat(received.payload()).isEqualTo(event);
        assertThat(handler.calls(eventId)).isEqualTo(1);
        assertThat(inboxRows(eventId)).isEqualTo(1);
        assertThat(effectRows(eventId)).isEqualTo(1);

        // on the wire: keyed by the subject, CloudEvents binary mode, JSON with millisecond instants
        ConsumerRecord<byte[], byte[]> record = readUntil(TOPIC, event.incidentId().toString(),
                found -> eventId.equals(header(found, CloudEventHeaders.ID))).get(0);
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(REPORTED);
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/circc/platform-test");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(event.incidentId().toString());
        assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo("2026-07-24T10:20:00.000Z");
        JsonNode json = readTree(record.value());
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-07-24T10:20:00.000Z");
        assertThat(json.get("detectedAt").asText()).isEqualTo("2026-07-24T10:15:00.123Z");
        assertThat(json.get("tlp").asText()).isEqualTo("TLP:AMBER");
    }

    @Test
    void eventsPublishedInAUnitOfWorkAreSentTogetherAndAcknowledgedBeforeItCommits() {
        IncidentReportedEvent first = report(IncidentId.newId(), "batched one");
        IncidentReportedEvent second = report(IncidentId.newId(), "batched two");
        String firstId = UUID.randomUUID().toString();
        String secondId = UUID.randomUUID().toString();
        double publishedBefore = published(REPORTED);

        // as a tracking processor's batch does: the unit of work commits only once Kafka acknowledged both
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            publisher.publish(first, firstId);
            publisher.publish(second, secondId);
        });

        assertThat(published(REPORTED) - publishedBefore).isEqualTo(2.0);
        await().atMost(PATIENCE).until(() -> handler.received(firstId) != null && handler.received(secondId) != null);
        ReceivedIntegrationEvent received = handler.received(firstId);
        assertThat(received.type()).isEqualTo(REPORTED);
        assertThat(received.source()).isEqualTo("/circc/platform-test");
        assertThat(received.subject()).isEqualTo(first.incidentId().toString());
        assertThat(received.payload()).isEqualTo(first);
        assertThat(handler.received(secondId).payload()).isEqualTo(second);
        ConsumerRecord<byte[], byte[]> record = readUntil(TOPIC, first.incidentId().toString(),
                found -> firstId.equals(header(found, CloudEventHeaders.ID))).get(0);
        assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo("2026-07-24T10:20:00.000Z");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
    }

    @Test
    void theSameEventIdDeliveredTwiceHasExactlyOneEffect() {
        IncidentReportedEvent event = report(IncidentId.newId(), "delivered twice");
        String eventId = UUID.randomUUID().toString();
        double duplicatesBefore = consumed(REPORTED, "duplicate");
        double processedBefore = consumed(REPORTED, "processed");

        publisher.publish(event, eventId);
        publisher.publish(event, eventId);

        await().atMost(PATIENCE).until(() -> consumed(REPORTED, "duplicate") - duplicatesBefore >= 1);
        assertThat(consumed(REPORTED, "duplicate") - duplicatesBefore).isEqualTo(1.0);
        assertThat(consumed(REPORTED, "processed") - processedBefore).isEqualTo(1.0);
        assertThat(handler.calls(eventId)).isEqualTo(1);
        assertThat(inboxRows(eventId)).isEqualTo(1);
        assertThat(effectRows(eventId)).isEqualTo(1);
        // both deliveries really were on the topic: the second one was recognised, not lost
        assertThat(readUntil(TOPIC, event.incidentId().toString(), found -> false, 2)).hasSize(2)
                .allSatisfy(record -> assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(eventId));
    }

    @Test
    void aRecordTheHandlerKeepsRejectingEndsInTheDeadLetterTopicWithItsEffectRolledBack() {
        IncidentReportedEvent event = report(IncidentId.newId(), RoundTripTestApplication.ALWAYS_FAILS + "poison");
        String eventId = UUID.randomUUID().toString();

        publisher.publish(event, eventId);

        ConsumerRecord<byte[], byte[]> deadLetter = lastOf(readUntil(DLQ, event.incidentId().toString(),
                found -> eventId.equals(header(found, CloudEventHeaders.ID))));
        assertThat(readValue(deadLetter.value())).isEqualTo(event);
        assertThat(header(deadLetter, CloudEventHeaders.TYPE)).isEqualTo(REPORTED);
        assertThat(header(deadLetter, KafkaMessageChannelBinder.X_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
        assertThat(header(deadLetter, KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE)).contains("the handler rejects " + eventId);
        // bounded retries: circc-platform.yml's max-attempts, then the dead letter; nothing committed on the way
        assertThat(handler.calls(eventId)).isEqualTo(3);
        assertThat(inboxRows(eventId)).isZero();
        assertThat(effectRows(eventId)).isZero();
    }

    @Test
    void aRecordOfAnUnknownTypeIsIgnoredWithoutADeadLetter() {
        IncidentId incidentId = IncidentId.newId();
        String unknownType = "org.circc.incident.archived.v1";
        String unknownId = UUID.randomUUID().toString();
        String poisonId = UUID.randomUUID().toString();
        double ignoredBefore = consumed(unknownType, "ignored");

        // a type a newer publisher may send, from a plain Kafka producer in the CloudEvents binary mode
        sendRaw(incidentId.toString(), "{\"incidentId\":\"%s\",\"archivedAt\":\"2026-07-25T00:00:00.000Z\"}"
                .formatted(incidentId), Map.of(
                CloudEventHeaders.SPEC_VERSION, "1.0",
                CloudEventHeaders.ID, unknownId,
                CloudEventHeaders.SOURCE, "/circc/platform-test-next",
                CloudEventHeaders.TYPE, unknownType,
                CloudEventHeaders.SUBJECT, incidentId.toString(),
                "content-type", "application/json"));
        // then, with the same key (same partition, so read after it), a record that is dead-lettered: once it is in
        // the dead-letter topic, the unknown one has been dealt with, and had it failed it would be there before it
        publisher.publish(report(incidentId, RoundTripTestApplication.ALWAYS_FAILS + "marker"), poisonId);

        List<ConsumerRecord<byte[], byte[]>> deadLetters = readUntil(DLQ, incidentId.toString(),
                found -> poisonId.equals(header(found, CloudEventHeaders.ID)));
        assertThat(deadLetters).extracting(record -> header(record, CloudEventHeaders.ID)).containsExactly(poisonId);
        assertThat(consumed(unknownType, "ignored") - ignoredBefore).isEqualTo(1.0);
        assertThat(handler.calls(unknownId)).isZero();
        assertThat(inboxRows(unknownId)).isZero();
    }

    private static IncidentReportedEvent report(IncidentId incidentId, String title) {
        return new IncidentReportedEvent(incidentId, title, "Sustained SYN flood since 10:10",
                Category.parse("availability:ddos"), Sector.fromSlug("games-ticketing"), Tlp.AMBER,
                new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                List.of("tickets.example.jp"), List.of(Observable.of(ObservableType.IPV4, "203.0.113.7")),
                "venue-tokyo", Instant.parse("2026-07-24T10:15:00.123Z"),
                Actor.principal("ops@venue-tokyo", "venue-tokyo"), Instant.parse("2026-07-24T10:20:00Z"));
    }

    private double consumed(String type, String outcome) {
        Counter counter = meterRegistry.find("circc.integration.events.consumed")
                .tags("consumer", RoundTripTestApplication.CONSUMER, "type", type, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double published(String type) {
        Counter counter = meterRegistry.find("circc.integration.events.published").tags("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private int inboxRows(String eventId) {
        return jdbcTemplate.queryForObject(
                "SELECT count(*) FROM processed_integration_event WHERE consumer = ? AND event_id = ?", Integer.class,
                RoundTripTestApplication.CONSUMER, eventId);
    }

    private int effectRows(String eventId) {
        return jdbcTemplate.queryForObject("SELECT count(*) FROM round_trip_effect WHERE consumer = ? AND event_id = ?",
                Integer.class, RoundTripTestApplication.CONSUMER, eventId);
    }

    private IncidentReportedEvent readValue(byte[] json) {
        try {
            return objectMapper.readValue(json, IncidentReportedEvent.class);
        } catch (java.io.IOException e) {
            throw new AssertionError("not an IncidentReportedEvent: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    private JsonNode readTree(byte[] json) {
        try {
            return objectMapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    /** A header's value as text; a JSON-encoded string (how Spring's header mapper may write one) is unquoted. */
    private String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return null;
        }
        String text = new String(header.value(), StandardCharsets.UTF_8);
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            try {
                return objectMapper.readValue(text, String.class);
            } catch (java.io.IOException e) {
                return text;
            }
        }
        return text;
    }

    /** Sends a record as any Kafka client would, headers as UTF-8 bytes, and waits for the acknowledgement. */
    private static void sendRaw(String key, String value, Map<String, String> headers) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, key.getBytes(StandardCharsets.UTF_8),
                    value.getBytes(StandardCharsets.UTF_8));
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("Kafka did not acknowledge the record", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static <T> T lastOf(List<T> list) {
        return list.get(list.size() - 1);
    }

    private List<ConsumerRecord<byte[], byte[]>> readUntil(String topic, String key,
                                                          Predicate<ConsumerRecord<byte[], byte[]>> last) {
        return readUntil(topic, key, last, Integer.MAX_VALUE);
    }

    /**
     * Reads {@code topic} from the start with a plain consumer of its own, keeping the records with {@code key},
     * until one matches {@code last} or {@code count} were kept.
     */
    private static List<ConsumerRecord<byte[], byte[]>> readUntil(String topic, String key,
                                                                 Predicate<ConsumerRecord<byte[], byte[]>> last,
                                                                 int count) {
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        List<ConsumerRecord<byte[], byte[]>> kept = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "platform-test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            await().atMost(PATIENCE).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ZERO)
                    .until(() -> {
                        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                            if (record.key() != null && Arrays.equals(record.key(), wanted)) {
                                kept.add(record);
                                if (last.test(record) || kept.size() >= count) {
                                    return true;
                                }
                            }
                        }
                        return false;
                    });
        }
        return kept;
    }

    /** Waits until the test's consumer group committed the end offsets the topic had when the test began. */
    private static void awaitGroupAtEndOfTopic() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.shared().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(TOPIC)).allTopicNames().get()
                    .get(TOPIC).partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(TOPIC, partition.partition()),
                            partition -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .filter(end -> end.getValue().offset() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
            await().atMost(PATIENCE).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
            });
        }
    }
}
