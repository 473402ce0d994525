package org.circc.platform.messaging;

import org.springframework.jdbc.core.JdbcTemplate;

/** The record of which integration events each consumer has already processed, in the service's own database. */
public class IntegrationEventInbox {

    private final JdbcTemplate jdbcTemplate;

    public IntegrationEventInbox(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /**
     * Records the event as processed by the consumer. Call it inside the transaction of the event's effect.
     *
     * @return false when it was recorded before: a redelivery, whose effect already holds
     */
    public boolean recordFirstDelivery(String consumer, String eventId) {
        return jdbcTemplate.update(
                "INSERT INTO processed_integration_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                consumer, eventId) == 1;
    }
}
