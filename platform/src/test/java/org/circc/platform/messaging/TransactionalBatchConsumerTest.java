package org.circc.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.circc.contracts.IncidentId;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.circc.contracts.events.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** {@link IntegrationEventConsumers#transactionalBatch}: one transaction per batch, per record when that fails. */
class TransactionalBatchConsumerTest {

    private static final String CONSUMER = "test.batch";
    private static final String DLQ = Topics.deadLetterTopicOf(Topics.INCIDENT_EVENTS);

    private final ObjectMapper objectMapper = new ObjectMapper().findAndRegisterModules();
    private final IntegrationEventInbox inbox = mock(IntegrationEventInbox.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final StreamBridge streamBridge = mock(StreamBridge.class);
    private final Set<String> processed = new HashSet<>();
    private final List<String> handled = new ArrayList<>();
    private Consumer<Message<List<byte[]>>> consumer;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        when(inbox.recordFirstDeliveries(eq(CONSUMER), anyCollection())).thenAnswer(call -> {
            Set<String> first = new HashSet<>((Collection<String>) call.getArgument(1));
            first.removeAll(processed);
            return first;
        });
        when(inbox.recordFirstDelivery(eq(CONSUMER), anyString())).thenAnswer(call -> !processed.contains(call.getArgument(1, String.class)));
        when(streamBridge.send(anyString(), any())).thenReturn(true);
        IntegrationEventConsumers consumers = new IntegrationEventConsumers(objectMapper, inbox,
                new TransactionTemplate(transactions), new SimpleMeterRegistry(), streamBridge,
                new IntegrationEventConsumers.BatchRetry(2, 1, 1));
        consumer = consumers.transactionalBatch(CONSUMER, DLQ, event -> {
            if (event.id().startsWith("poison")) {
                throw new IllegalStateException("rejects " + event.id());
            }
            handled.add(event.id());
        });
    }

    @Test
    void aBatchIsOneTransactionWithOneInboxStatementAndEachIdHandledOnce() {
        processed.add("seen-before");

        consumer.accept(batch("a", "b", "a", "seen-before"));

        assertThat(handled).containsExactly("a", "b");
        verify(inbox).recordFirstDeliveries(eq(CONSUMER), anyCollection());
        verify(transactions, times(1)).commit(any());
    }

    @Test
    void aRecordThatKeepsFailingIsDeadLetteredAndTheOthersAreHandledEachInItsOwnTransaction() {
        consumer.accept(batch("a", "poison-1", "c"));

        // a in the batch's transaction, which rolled back when the poison failed; then each record alone:
        // a, the poison twice (its attempts) and c
        assertThat(handled).containsExactly("a", "a", "c");
        ArgumentCaptor<Message<?>> deadLetter = ArgumentCaptor.forClass(Message.class);
        verify(streamBridge).send(eq(DLQ), deadLetter.capture());
        assertThat(deadLetter.getValue().getHeaders().get("ce_id")).isEqualTo("poison-1");
        assertThat(deadLetter.getValue().getHeaders().get(KafkaMessageChannelBinder.X_ORIGINAL_TOPIC))
                .isEqualTo(Topics.INCIDENT_EVENTS);
        assertThat(deadLetter.getValue().getHeaders().get(KafkaMessageChannelBinder.X_EXCEPTION_MESSAGE).toString())
                .contains("rejects poison-1");
        assertThat(deadLetter.getValue().getHeaders().get(KafkaHeaders.KEY)).isEqualTo("key-poison-1".getBytes());
        verify(transactions, times(3)).rollback(any());
    }

    private Message<List<byte[]>> batch(String... ids) {
        List<byte[]> payloads = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        for (String id : ids) {
            IncidentStatusChangedEvent event = new IncidentStatusChangedEvent(IncidentId.newId(),
                    IncidentStatus.REPORTED, IncidentStatus.WITHDRAWN, "false alarm", Actor.system("test"),
                    Instant.parse("2026-07-24T10:20:00Z"));
            try {
                payloads.add(objectMapper.writeValueAsBytes(event));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            Map<String, Object> recordHeaders = new HashMap<>();
            recordHeaders.put(CloudEventHeaders.SPEC_VERSION, "1.0");
            recordHeaders.put(CloudEventHeaders.ID, id);
            recordHeaders.put(CloudEventHeaders.SOURCE, "/circc/intake");
            recordHeaders.put(CloudEventHeaders.TYPE, IntegrationEventCatalogue.of(IncidentStatusChangedEvent.class).type());
            recordHeaders.put(CloudEventHeaders.SUBJECT, event.subject());
            recordHeaders.put(KafkaHeaders.RECEIVED_TOPIC, Topics.INCIDENT_EVENTS);
            recordHeaders.put(KafkaHeaders.RECEIVED_KEY, ("key-" + id).getBytes());
            headers.add(recordHeaders);
        }
        return MessageBuilder.withPayload(payloads).setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers).build();
    }
}
