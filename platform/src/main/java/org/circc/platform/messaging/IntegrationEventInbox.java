package org.circc.platform.messaging;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * Records a batch of events as processed by the consumer, in one statement. Call it inside the transaction of
     * the events' effects.
     *
     * @return the ids recorded now: those not processed before (each once, however often it is in the batch)
     */
    public Set<String> recordFirstDeliveries(String consumer, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        List<String> recorded = jdbcTemplate.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO processed_integration_event (consumer, event_id) SELECT ?, unnest(?) "
                            + "ON CONFLICT DO NOTHING RETURNING event_id");
            statement.setString(1, consumer);
            statement.setArray(2, connection.createArrayOf("varchar", eventIds.toArray()));
            return statement;
        }, (row, number) -> row.getString(1));
        return new HashSet<>(recorded);
    }
}
