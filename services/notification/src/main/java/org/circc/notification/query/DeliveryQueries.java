package org.circc.notification.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of the deliveries view, newest first. */
@Repository
public class DeliveryQueries {

    /** A page of deliveries and how many match in all. */
    public record Page(List<DeliveryView> items, long total) {
    }

    private final JdbcTemplate jdbc;

    public DeliveryQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page list(String incidentId, String stakeholderId, Collection<String> states, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> arguments = new ArrayList<>();
        if (incidentId != null) {
            where.append(" AND incident_id = ?");
            arguments.add(incidentId);
        }
        if (stakeholderId != null) {
            where.append(" AND stakeholder_id = ?");
            arguments.add(stakeholderId);
        }
        if (!states.isEmpty()) {
            where.append(" AND state = ANY (?)");
            arguments.add(states.toArray(String[]::new));
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM delivery" + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(size);
        paged.add((long) page * size);
        List<DeliveryView> rows = jdbc.query("SELECT * FROM delivery" + where
                + " ORDER BY created_at DESC, delivery_id LIMIT ? OFFSET ?", DeliveryQueries::row, paged.toArray());
        return new Page(withAttempts(rows), total == null ? 0 : total);
    }

    public Optional<DeliveryView> find(UUID deliveryId) {
        return withAttempts(jdbc.query("SELECT * FROM delivery WHERE delivery_id = ?", DeliveryQueries::row,
                deliveryId.toString())).stream().findFirst();
    }

    private List<DeliveryView> withAttempts(List<DeliveryView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<DeliveryView.Attempt>> attempts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT delivery_id, attempt, at, outcome, status, error, duration_ms FROM delivery_attempt
                WHERE delivery_id = ANY (?) ORDER BY attempt
                """, rs -> {
            attempts.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new DeliveryView.Attempt(
                    rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                    (Integer) rs.getObject(5), rs.getString(6), rs.getLong(7)));
        }, (Object) rows.stream().map(row -> row.deliveryId().toString()).toArray(String[]::new));
        return rows.stream().map(row -> new DeliveryView(row.deliveryId(), row.stakeholderId(), row.channel(),
                row.incidentId(), row.campaignId(), row.level(), row.eventType(), row.redacted(), row.state(),
                attempts.getOrDefault(row.deliveryId().toString(), List.of()), row.createdAt(),
                row.deliveredAt())).toList();
    }

    private static DeliveryView row(ResultSet rs, int row) throws SQLException {
        Timestamp deliveredAt = rs.getTimestamp("delivered_at");
        return new DeliveryView(UUID.fromString(rs.getString("delivery_id")), rs.getString("stakeholder_id"),
                rs.getString("channel"), rs.getString("incident_id"), rs.getString("campaign_id"), rs.getInt("level"),
                rs.getString("event_type"), rs.getBoolean("redacted"), rs.getString("state"), List.of(),
                rs.getTimestamp("created_at").toInstant(), deliveredAt == null ? null : deliveredAt.toInstant());
    }
}
