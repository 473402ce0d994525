package org.circc.timeline.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.circc.contracts.events.Topics;
import org.circc.platform.messaging.IntegrationEventConsumers;
import org.circc.timeline.query.ReadModelGenerations;
import org.circc.timeline.query.ReadModelProjector;
import org.circc.timeline.query.ReadModels;
import org.circc.timeline.query.RecordedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Rebuilds every read model from the retained integration topics: a consumer of its own (no group, so it disturbs
 * no live offsets) reads each topic from its beginning up to the end offsets it found when it started, into a fresh
 * generation; meanwhile the live projection writes to that generation too, so whatever arrives after those offsets
 * is there as well. The retained events are recorded first and every view is folded once at the end, rather than
 * after every event. Then the fresh generation serves. One rebuild at a time.
 */
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.INCIDENT_EVENTS, Topics.TRIAGE_EVENTS,
            Topics.ESCALATION_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.DIRECTORY_EVENTS);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int CONCURRENT_RECORDS = 8;

    public enum State { IDLE, RUNNING, COMPLETED, FAILED }

    /** api.md: {@code {state, processed, total, startedAt}}. */
    public record Progress(State state, long processed, long total, Instant startedAt) {
    }

    private final ReadModelGenerations generations;
    private final ReadModelProjector projector;
    private final IntegrationEventConsumers consumers;
    private final Clock clock;
    private final String bootstrapServers;
    private final AtomicLong processed = new AtomicLong();
    private volatile State state = State.IDLE;
    private volatile long total;
    private volatile Instant startedAt;

    public ReadModelRebuild(ReadModelGenerations generations, ReadModelProjector projector,
                            IntegrationEventConsumers consumers, Clock clock, String bootstrapServers) {
        this.generations = generations;
        this.projector = projector;
        this.consumers = consumers;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
    }

    public Progress progress() {
        return new Progress(state, processed.get(), total, startedAt);
    }

    /** Starts a rebuild unless one is running (then it is that one's progress: asking twice is a no-op). */
    public synchronized Progress start() {
        if (state != State.RUNNING) {
            state = State.RUNNING;
            processed.set(0);
            total = 0;
            startedAt = clock.instant();
            Thread worker = new Thread(this::run, "timeline-rebuild");
            worker.setDaemon(true);
            worker.start();
        }
        return progress();
    }

    private void run() {
        ReadModels target = null;
        try {
            target = generations.beginRebuild().block(Duration.ofMinutes(1));
            ReadModels rebuilding = Objects.requireNonNull(target);
            Consumer<Message<byte[]>> handler = consumers.idempotent("timeline.rebuild",
                    event -> projector.record(rebuilding, new RecordedEvent(event.id(), event.payload())));
            readAll(handler);
            projector.recomputeAll(rebuilding);
            generations.completeRebuild(rebuilding).block(Duration.ofMinutes(1));
            state = State.COMPLETED;
            log.info("Read models rebuilt into generation {} from {} records", rebuilding.generation(), processed.get());
        } catch (RuntimeException e) {
            log.error("Read model rebuild failed after {} records", processed.get(), e);
            generations.abandonRebuild();
            state = State.FAILED;
        }
    }

    private void readAll(Consumer<Message<byte[]>> handler) {
        BinderHeaderMapper headerMapper = new BinderHeaderMapper();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            total = partitions.stream().mapToLong(partition -> ends.get(partition) - beginnings.get(partition)).sum();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
                consumer.poll(POLL).forEach(record -> {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                });
                // recording is order-independent (the folds sort, appends are idempotent, the directory keeps the
                // newest), so a batch's records go to MongoDB several at a time
                Flux.fromIterable(batch)
                        .flatMap(record -> Mono.fromRunnable(() -> {
                            replay(handler, record, headerMapper);
                            processed.incrementAndGet();
                        }).subscribeOn(Schedulers.boundedElastic()), CONCURRENT_RECORDS)
                        .then()
                        .block();
            }
        }
    }

    /**
     * A record that cannot be read (no CloudEvents attributes, a payload that does not parse) went to the dead-letter
     * topic when the live consumer met it, so it is not in the live models either: skip it. Anything else (MongoDB
     * away) fails the rebuild, which leaves the serving generation as it was.
     */
    private static void replay(Consumer<Message<byte[]>> handler, ConsumerRecord<byte[], byte[]> record,
                               BinderHeaderMapper headerMapper) {
        try {
            handler.accept(toMessage(record, headerMapper));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            log.warn("Rebuild skips unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private static Message<byte[]> toMessage(ConsumerRecord<byte[], byte[]> record, BinderHeaderMapper headerMapper) {
        Map<String, Object> headers = new HashMap<>();
        headerMapper.toHeaders(record.headers(), headers);
        return MessageBuilder.withPayload(record.value())
                .copyHeaders(headers)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, record.topic())
                .build();
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return properties;
    }
}
