package org.circc.notification.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.circc.notification.command.DeliveryAttemptRecordedEvent;
import org.circc.notification.command.DeliveryQueuedEvent;
import org.circc.notification.command.DeliveryState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Locale;

/** The {@code delivery} and {@code delivery_attempt} tables, idempotent so a replay or redelivery changes nothing. */
@Component
@ProcessingGroup("delivery-view")
public class DeliveryProjection {

    private final JdbcTemplate jdbc;

    public DeliveryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DeliveryQueuedEvent event) {
        jdbc.update("""
                INSERT INTO delivery (delivery_id, stakeholder_id, channel, incident_id, campaign_id, level, event_type,
                                      redacted, state, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING
                """, event.deliveryId().toString(), event.stakeholderId(), event.channel(),
                event.notice().incidentId().toString(),
                event.notice().campaignId() == null ? null : event.notice().campaignId().toString(),
                event.notice().level(), event.notice().eventType(), event.notice().redacted(),
                DeliveryState.QUEUED.name(), Timestamp.from(event.queuedAt()));
    }

    @EventHandler
    void on(DeliveryAttemptRecordedEvent event) {
        int inserted = jdbc.update("""
                INSERT INTO delivery_attempt (delivery_id, attempt, at, outcome, status, error, duration_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, event.deliveryId().toString(), event.attempt(), Timestamp.from(event.startedAt()),
                event.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'), event.status(), event.error(),
                event.durationMillis());
        if (inserted == 1) {
            boolean reached = event.state() == DeliveryState.DELIVERED || event.state() == DeliveryState.SENT;
            jdbc.update("""
                    UPDATE delivery SET state = ?, delivered_at = COALESCE(delivered_at, ?) WHERE delivery_id = ?
                    """, event.state().name(), reached ? Timestamp.from(event.attemptedAt()) : null,
                    event.deliveryId().toString());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM delivery_attempt");
        jdbc.update("DELETE FROM delivery");
    }
}
