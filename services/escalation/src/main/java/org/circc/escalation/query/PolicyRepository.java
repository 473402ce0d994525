package org.circc.escalation.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.circc.escalation.command.EscalationPolicies;
import org.circc.escalation.command.EscalationPolicy;
import org.circc.escalation.command.EscalationPolicySavedEvent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * Every saved policy version, projected in the transaction that saves it (subscribing processor
 * {@value #PROCESSING_GROUP}), so the next escalation started after a PUT uses the new version.
 */
@ProcessingGroup(PolicyRepository.PROCESSING_GROUP)
public class PolicyRepository {

    public static final String PROCESSING_GROUP = "escalation-policies";

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public PolicyRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(EscalationPolicySavedEvent event) throws JsonProcessingException {
        jdbc.update("""
                INSERT INTO escalation_policy (policy_id, version, definition, saved_at)
                VALUES (:id, :version, :definition, :savedAt) ON CONFLICT DO NOTHING
                """, new MapSqlParameterSource()
                .addValue("id", event.policy().id())
                .addValue("version", event.policy().version())
                .addValue("definition", objectMapper.writeValueAsString(event.policy()))
                .addValue("savedAt", Timestamp.from(event.savedAt())));
    }

    /** The current version of each policy, by id. */
    public List<EscalationPolicy> current() {
        return jdbc.query("""
                SELECT DISTINCT ON (policy_id) definition FROM escalation_policy ORDER BY policy_id, version DESC
                """, (row, i) -> read(row.getString("definition")));
    }

    public EscalationPolicies inForce() {
        return new EscalationPolicies(current());
    }

    public Optional<EscalationPolicy> find(String policyId) {
        return jdbc.query("""
                SELECT definition FROM escalation_policy WHERE policy_id = :id ORDER BY version DESC LIMIT 1
                """, new MapSqlParameterSource("id", policyId), (row, i) -> read(row.getString("definition")))
                .stream().findFirst();
    }

    private EscalationPolicy read(String definition) {
        try {
            return objectMapper.readValue(definition, EscalationPolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored policy is unreadable: " + definition, e);
        }
    }
}
