package org.circc.notification.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.circc.notification.command.Stakeholder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The stakeholders present in the directory, as {@link StakeholderProjection} keeps them. */
@Repository
public class StakeholderDirectory {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public StakeholderDirectory(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    public Optional<Stakeholder> find(String id) {
        return jdbc.query("SELECT document FROM stakeholder WHERE stakeholder_id = ?",
                (rs, row) -> read(rs.getString(1)), id).stream().findFirst();
    }

    /** The stakeholder linked to {@code principal}; the first by id if several claim it. */
    public Optional<Stakeholder> findByPrincipal(String principal) {
        return jdbc.query("SELECT document FROM stakeholder WHERE principal = ? ORDER BY stakeholder_id LIMIT 1",
                (rs, row) -> read(rs.getString(1)), principal).stream().findFirst();
    }

    public List<Stakeholder> all() {
        return jdbc.query("SELECT document FROM stakeholder ORDER BY stakeholder_id",
                (rs, row) -> read(rs.getString(1)));
    }

    public List<Stakeholder> page(int page, int size) {
        return jdbc.query("SELECT document FROM stakeholder ORDER BY stakeholder_id LIMIT ? OFFSET ?",
                (rs, row) -> read(rs.getString(1)), size, (long) page * size);
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM stakeholder", Long.class);
        return count == null ? 0 : count;
    }

    void save(Stakeholder stakeholder) {
        jdbc.update("""
                INSERT INTO stakeholder (stakeholder_id, principal, document) VALUES (?, ?, ?::jsonb)
                ON CONFLICT (stakeholder_id) DO UPDATE SET principal = excluded.principal, document = excluded.document
                """, stakeholder.id(), stakeholder.principal(), write(stakeholder));
    }

    void remove(String id) {
        jdbc.update("DELETE FROM stakeholder WHERE stakeholder_id = ?", id);
    }

    private Stakeholder read(String json) {
        try {
            return objectMapper.readValue(json, Stakeholder.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable stakeholder document", e);
        }
    }

    private String write(Stakeholder stakeholder) {
        try {
            return objectMapper.writeValueAsString(stakeholder);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write stakeholder " + stakeholder.id(), e);
        }
    }
}
