package org.circc.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the services' Kafka consumers ({@code Consumer<Message<byte[]>>} beans, so the binder's retries and
 * dead-letter topic apply). Each decodes the CloudEvents envelope, ignores event types it does not know (a
 * newer version it will read once upgraded), and de-duplicates on the event id: at-least-once delivery,
 * exactly-once effect.
 */
public class IntegrationEventConsumers {

    private static final Logger log = LoggerFactory.getLogger(IntegrationEventConsumers.class);

    private final ObjectMapper objectMapper;
    private final IntegrationEventInbox inbox;
    private final TransactionTemplate transactionTemplate;
    private final MeterRegistry meterRegistry;
    private final StreamBridge streamBridge;
    private final BatchRetry batchRetry;

    /** Attempts of a record that failed in a batch, and the back-off between them (as the binder's record retries). */
    public record BatchRetry(int maxAttempts, long initialBackOffMillis, long maxBackOffMillis) {
    }

    /** Consumers of single records only: {@link #transactionalBatch} needs a {@link StreamBridge} for dead letters. */
    public IntegrationEventConsumers(ObjectMapper objectMapper, IntegrationEventInbox inbox,
                                     TransactionTemplate transactionTemplate, MeterRegistry meterRegistry) {
        this(objectMapper, inbox, transactionTemplate, meterRegistry, null, new BatchRetry(1, 0, 0));
    }

    public IntegrationEventConsumers(ObjectMapper objectMapper, IntegrationEventInbox inbox,
                                     TransactionTemplate transactionTemplate, MeterRegistry meterRegistry,
                                     StreamBridge streamBridge, BatchRetry batchRetry) {
        this.objectMapper = objectMapper;
        this.inbox = inbox;
        this.transactionTemplate = transactionTemplate;
        this.meterRegistry = meterRegistry;
        this.streamBridge = streamBridge;
        this.batchRetry = batchRetry;
    }

    /**
     * A consumer whose handler's effect commits in the service's database together with the inbox record, so a
     * redelivered event is skipped. The handler must do its work in the calling thread (e.g. {@code sendAndWait}).
     */
    public Consumer<Message<byte[]>> transactional(String consumerName, IntegrationEventHandler handler) {
        return message -> decode(consumerName, message).ifPresent(event -> {
            Boolean handled = transactionTemplate.execute(status -> {
                if (!inbox.recordFirstDelivery(consumerName, event.id())) {
                    return false;
                }
                handler.handle(event);
                return true;
            });
            count(consumerName, event.type(), Boolean.TRUE.equals(handled) ? "processed" : "duplicate");
        });
    }

    /**
     * A consumer of whole polls (a binding with {@code consumer.batch-mode: true}) for throughput: the batch's
     * effects and inbox records commit in one transaction, the inbox written in one statement, so a commit is
     * paid per batch, not per record. Should that transaction fail, each record of the batch is handled in a
     * transaction of its own, as {@link #transactional} does, retried per {@link BatchRetry}; a record that still
     * fails goes to {@code deadLetterTopic} (with the {@code x-original-topic} and {@code x-exception-message}
     * headers of the binder's dead letters) and the batch moves on. The handler must do its work in the calling
     * thread.
     */
    public Consumer<Message<List<byte[]>>> transactionalBatch(String consumerName, String deadLetterTopic,
                                                             IntegrationEventHandler handler) {
        if (streamBridge == null) {
            throw new IllegalStateException("batch consumers need the StreamBridge constructor");
        }
        return batch -> {
            List<Message<byte[]>> records = split(batch);
            try {
                handleTogether(consumerName, records, handler);
            } catch (RuntimeException e) {
                log.warn("{}: a batch of {} failed ({}); handling its records one by one", consumerName,
                        records.size(), e.toString());
                for (Message<byte[]> record : records) {
                    handleAlone(consumerName, deadLetterTopic, record, handler);
                }
            }
        };
    }

    private void handleTogether(String consumerName, List<Message<byte[]>> records, IntegrationEventHandler handler) {
        List<ReceivedIntegrationEvent> events = new ArrayList<>();
        List<String> ignoredTypes = new ArrayList<>();
        for (Message<byte[]> record : records) {
            Optional<ReceivedIntegrationEvent> event = decodeKnown(record);
            if (event.isPresent()) {
                events.add(event.get());
            } else {
                ignoredTypes.add(CloudEventMessageUtils.getType(record));
            }
        }
        List<Boolean> handled = transactionTemplate.execute(status -> {
            Set<String> first = inbox.recordFirstDeliveries(consumerName, events.stream().map(ReceivedIntegrationEvent::id).toList());
            List<Boolean> outcomes = new ArrayList<>(events.size());
            for (ReceivedIntegrationEvent event : events) {
                // remove: an id twice in the batch has its effect once
                boolean isFirst = first.remove(event.id());
                if (isFirst) {
                    handler.handle(event);
                }
                outcomes.add(isFirst);
            }
            return outcomes;
        });
        ignoredTypes.forEach(type -> count(consumerName, type, "ignored"));
        for (int i = 0; i < events.size(); i++) {
            count(consumerName, events.get(i).type(), Boolean.TRUE.equals(handled.get(i)) ? "processed" : "duplicate");
        }
    }

    private void handleAlone(String consumerName, String deadLetterTopic, Message<byte[]> record,
                             IntegrationEventHandler handler) {
        Consumer<Message<byte[]>> alone = transactional(consumerName, handler);
        long backOff = batchRetry.initialBackOffMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                alone.accept(record);
                return;
            } catch (RuntimeException e) {
                if (attempt >= batchRetry.maxAttempts()) {
                    deadLetter(consumerName, deadLetterTopic, record, e);
                    return;
                }
                pause(backOff);
                backOff = Math.min(backOff * 2, batchRetry.maxBackOffMillis());
            }
        }
    }

    private void deadLetter(String consumerName, String deadLetterTopic, Message<byte[]> record, RuntimeException e) {
        log.error("{}: dead-lettering event {} to {}", consumerName, CloudEventMessageUtils.getId(record), deadLetterTopic, e);
        MessageBuilder<byte[]> deadLetter = MessageBuilder.withPayload(record.getPayload())
                .setHeader(KafkaMessageChannelBinder.X_ORIGINAL_TOPIC, record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC))
                .setHeader(KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE, String.valueOf(e.getMessage()));
        record.getHeaders().forEach((name, value) -> {
            if (name.startsWith("ce_") || name.equals(MessageHeaders.CONTENT_TYPE)) {
                deadLetter.setHeader(name, value);
            }
        });
        Object key = record.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        if (key != null) {
            deadLetter.setHeader(KafkaHeaders.KEY, key);
        }
        if (!streamBridge.send(deadLetterTopic, deadLetter.build())) {
            throw new IllegalStateException("Kafka did not accept the dead letter of " + CloudEventMessageUtils.getId(record), e);
        }
        count(consumerName, String.valueOf(CloudEventMessageUtils.getType(record)), "dead-lettered");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted between attempts", e);
        }
    }

    /** The records of a batch, each with its own headers (the binder hands them over as one list per batch). */
    @SuppressWarnings("unchecked")
    private static List<Message<byte[]>> split(Message<List<byte[]>> batch) {
        List<Map<String, Object>> headers = (List<Map<String, Object>>) batch.getHeaders()
                .get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        if (headers == null || headers.size() != batch.getPayload().size()) {
            throw new IllegalArgumentException("a batch without one set of headers per record: is the binding in batch mode?");
        }
        List<Message<byte[]>> records = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            records.add(MessageBuilder.withPayload(batch.getPayload().get(i)).copyHeaders(headers.get(i)).build());
        }
        return records;
    }

    /** A consumer whose handler is idempotent by itself (e.g. an upsert keyed by the event id in MongoDB). */
    public Consumer<Message<byte[]>> idempotent(String consumerName, IntegrationEventHandler handler) {
        return message -> decode(consumerName, message).ifPresent(event -> {
            handler.handle(event);
            count(consumerName, event.type(), "processed");
        });
    }

    private Optional<ReceivedIntegrationEvent> decode(String consumerName, Message<byte[]> message) {
        Optional<ReceivedIntegrationEvent> event = decodeKnown(message);
        if (event.isEmpty()) {
            String type = CloudEventMessageUtils.getType(message);
            log.debug("{} ignores event {} of unknown type {}", consumerName, CloudEventMessageUtils.getId(message), type);
            count(consumerName, type, "ignored");
        }
        return event;
    }

    /** The event, or empty for a type this version does not know. */
    private Optional<ReceivedIntegrationEvent> decodeKnown(Message<byte[]> message) {
        String id = CloudEventMessageUtils.getId(message);
        String type = CloudEventMessageUtils.getType(message);
        if (id == null || type == null) {
            throw new IllegalArgumentException("record without CloudEvents id or type: not an integration event");
        }
        Optional<IntegrationEventCatalogue.Entry> entry = IntegrationEventCatalogue.ofType(type);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        IntegrationEvent payload = read(message.getPayload(), entry.get().eventClass());
        URI source = CloudEventMessageUtils.getSource(message);
        return Optional.of(new ReceivedIntegrationEvent(id, type, source == null ? null : source.toString(),
                CloudEventMessageUtils.getSubject(message), payload));
    }

    private IntegrationEvent read(byte[] payload, Class<? extends IntegrationEvent> eventClass) {
        try {
            return objectMapper.readValue(payload, eventClass);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + eventClass.getSimpleName(), e);
        }
    }

    private void count(String consumerName, String type, String outcome) {
        Counter.builder("circc.integration.events.consumed")
                .description("Integration events received, by outcome: processed, duplicate, ignored or dead-lettered")
                .tag("consumer", consumerName)
                .tag("type", type)
                .tag("outcome", outcome)
                .register(meterRegistry)
                .increment();
    }
}
