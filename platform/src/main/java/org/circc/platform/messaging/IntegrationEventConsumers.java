package org.circc.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
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

    public IntegrationEventConsumers(ObjectMapper objectMapper, IntegrationEventInbox inbox,
                                     TransactionTemplate transactionTemplate, MeterRegistry meterRegistry) {
        this.objectMapper = objectMapper;
        this.inbox = inbox;
        this.transactionTemplate = transactionTemplate;
        this.meterRegistry = meterRegistry;
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

    /** A consumer whose handler is idempotent by itself (e.g. an upsert keyed by the event id in MongoDB). */
    public Consumer<Message<byte[]>> idempotent(String consumerName, IntegrationEventHandler handler) {
        return message -> decode(consumerName, message).ifPresent(event -> {
            handler.handle(event);
            count(consumerName, event.type(), "processed");
        });
    }

    private Optional<ReceivedIntegrationEvent> decode(String consumerName, Message<byte[]> message) {
        String id = CloudEventMessageUtils.getId(message);
        String type = CloudEventMessageUtils.getType(message);
        if (id == null || type == null) {
            throw new IllegalArgumentException("record without CloudEvents id or type: not an integration event");
        }
        Optional<IntegrationEventCatalogue.Entry> entry = IntegrationEventCatalogue.ofType(type);
        if (entry.isEmpty()) {
            log.debug("{} ignores event {} of unknown type {}", consumerName, id, type);
            count(consumerName, type, "ignored");
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
                .description("Integration events received, by outcome: processed, duplicate or ignored")
                .tag("consumer", consumerName)
                .tag("type", type)
                .tag("outcome", outcome)
                .register(meterRegistry)
                .increment();
    }
}
