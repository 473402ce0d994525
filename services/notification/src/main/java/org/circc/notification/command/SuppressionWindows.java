package org.circc.notification.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Storm suppression (api.md "How often"): the first notice to a stakeholder for a campaign (or lone incident) and
 * level opens a window and goes out; what follows inside the window is kept, and goes out as one digest when the
 * window closes. Kept in PostgreSQL, in the caller's transaction, so windows and digests survive restarts.
 */
public class SuppressionWindows {

    /** The stakeholder, the campaign or lone incident ({@code scopeId}) and the level a window is for. */
    public record WindowKey(String stakeholderId, String scopeId, int level) {
    }

    /** A closed window and the notices it held back, oldest first. */
    public record ClosedWindow(WindowKey key, Instant openedAt, List<Notice> suppressed) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final Duration window;

    public SuppressionWindows(JdbcTemplate jdbc, ObjectMapper objectMapper, Duration window) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.window = window;
    }

    /** @return true when {@code notice} is to go out now; false when it was kept for the window's digest */
    public boolean admit(WindowKey key, Notice notice, Instant now) {
        while (true) {
            int opened = jdbc.update("""
                    INSERT INTO suppression_window (stakeholder_id, scope_id, level, opened_at, closes_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """, key.stakeholderId(), key.scopeId(), key.level(), Timestamp.from(now),
                    Timestamp.from(now.plus(window)));
            if (opened == 1) {
                return true;
            }
            // the lock keeps the window from closing until this notice is in; a closed one yields no row
            int kept = jdbc.update("""
                    INSERT INTO suppressed_notice (stakeholder_id, scope_id, level, notice)
                    SELECT stakeholder_id, scope_id, level, ?::jsonb FROM suppression_window
                    WHERE stakeholder_id = ? AND scope_id = ? AND level = ? FOR KEY SHARE
                    """, write(notice), key.stakeholderId(), key.scopeId(), key.level());
            if (kept == 1) {
                return false;
            }
            // the window closed between the two statements: this notice opens the next one
        }
    }

    /**
     * Removes the windows that closed by {@code now} (at most {@code limit}, skipping those another instance is
     * closing) and returns them; the caller sends their digests in the same transaction.
     */
    public List<ClosedWindow> closeDue(Instant now, int limit) {
        record Due(WindowKey key, Instant openedAt) {
        }
        List<Due> due = jdbc.query("""
                DELETE FROM suppression_window WHERE (stakeholder_id, scope_id, level) IN (
                    SELECT stakeholder_id, scope_id, level FROM suppression_window WHERE closes_at <= ?
                    ORDER BY closes_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING stakeholder_id, scope_id, level, opened_at
                """, (rs, row) -> new Due(new WindowKey(rs.getString(1), rs.getString(2), rs.getInt(3)),
                rs.getTimestamp(4).toInstant()), Timestamp.from(now), limit);
        return due.stream().map(window -> new ClosedWindow(window.key(), window.openedAt(), jdbc.query("""
                        DELETE FROM suppressed_notice WHERE stakeholder_id = ? AND scope_id = ? AND level = ?
                        RETURNING seq, notice
                        """, (rs, row) -> Map.entry(rs.getLong(1), read(rs.getString(2))),
                        window.key().stakeholderId(), window.key().scopeId(), window.key().level())
                .stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList()))
                .toList();
    }

    private String write(Notice notice) {
        try {
            return objectMapper.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a notice", e);
        }
    }

    private Notice read(String json) {
        try {
            return objectMapper.readValue(json, Notice.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable suppressed notices", e);
        }
    }
}
