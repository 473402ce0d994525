package org.circc.notification.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.circc.contracts.Category;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The incidents' details from intake's events, one row per incident. */
@Repository
public class IncidentDetailsRepository {

    private static final TypeReference<List<Observable>> OBSERVABLES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public IncidentDetailsRepository(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    public void save(IncidentDetails details) {
        jdbc.update("""
                INSERT INTO incident_details (incident_id, title, description, category, sector, tlp, reporter_org,
                                              observables)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (incident_id) DO NOTHING
                """, details.incidentId().toString(), details.title(), details.description(),
                details.category().slug(), details.sector().slug(), details.tlp().label(), details.reporterOrg(),
                write(details.observables()));
    }

    /** Adds the observables not yet known; an incident not known yet stays unknown. */
    public void addObservables(IncidentId incidentId, List<Observable> added) {
        find(incidentId).ifPresent(details -> {
            Set<Observable> all = new LinkedHashSet<>(details.observables());
            all.addAll(added);
            jdbc.update("UPDATE incident_details SET observables = ?::jsonb WHERE incident_id = ?",
                    write(List.copyOf(all)), incidentId.toString());
        });
    }

    public Optional<IncidentDetails> find(IncidentId incidentId) {
        return jdbc.query("""
                        SELECT title, description, category, sector, tlp, reporter_org, observables
                        FROM incident_details WHERE incident_id = ?
                        """,
                (rs, row) -> new IncidentDetails(incidentId, rs.getString(1), rs.getString(2),
                        Category.parse(rs.getString(3)), Sector.fromSlug(rs.getString(4)), Tlp.parse(rs.getString(5)),
                        rs.getString(6), read(rs.getString(7))),
                incidentId.toString()).stream().findFirst();
    }

    private String write(List<Observable> observables) {
        try {
            return objectMapper.writeValueAsString(observables);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write observables", e);
        }
    }

    private List<Observable> read(String json) {
        try {
            return objectMapper.readValue(json, OBSERVABLES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable observables", e);
        }
    }
}
