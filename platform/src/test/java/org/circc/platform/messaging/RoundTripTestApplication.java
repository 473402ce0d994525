package org.circc.platform.messaging;

import org.circc.contracts.events.IncidentReportedEvent;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A tiny service for {@link IntegrationEventRoundTripTest}: the platform's auto-configuration (Axon on JDBC, Flyway,
 * the publisher, the inbox) and one transactional consumer, bound as {@code roundTrip-in-0}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class RoundTripTestApplication {

    /** Unique per test JVM, so the inbox of an external, persistent database starts empty for this consumer. */
    static final String CONSUMER = "platform-test.round-trip-" + UUID.randomUUID().toString().substring(0, 8);

    /** Reports whose title starts with this make the handler throw after it wrote its effect. */
    static final String ALWAYS_FAILS = "always fails: ";

    @Bean
    RecordingHandler recordingHandler(JdbcTemplate jdbcTemplate) {
        return new RecordingHandler(jdbcTemplate);
    }

    @Bean
    Consumer<Message<byte[]>> roundTrip(IntegrationEventConsumers consumers, RecordingHandler handler) {
        return consumers.transactional(CONSUMER, handler);
    }

    /** Writes one effect row per call in the caller's transaction and remembers what it was given. */
    static class RecordingHandler implements IntegrationEventHandler {

        private final JdbcTemplate jdbcTemplate;
        private final Map<String, ReceivedIntegrationEvent> received = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        RecordingHandler(JdbcTemplate jdbcTemplate) {
            this.jdbcTemplate = jdbcTemplate;
        }

        @Override
        public void handle(ReceivedIntegrationEvent event) {
            calls.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            received.put(event.id(), event);
            jdbcTemplate.update("INSERT INTO round_trip_effect (consumer, event_id) VALUES (?, ?)", CONSUMER, event.id());
            if (event.payload() instanceof IncidentReportedEvent reported && reported.title().startsWith(ALWAYS_FAILS)) {
                throw new IllegalStateException("the handler rejects " + event.id());
            }
        }

        ReceivedIntegrationEvent received(String eventId) {
            return received.get(eventId);
        }

        int calls(String eventId) {
            AtomicInteger count = calls.get(eventId);
            return count == null ? 0 : count.get();
        }
    }
}
