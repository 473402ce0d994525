package org.circc.intake.query;

import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.sharing.IncidentFacts;
import org.circc.intake.command.NeedToKnow;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashSet;
import java.util.Set;

/**
 * {@link NeedToKnow} from intake's own tables: the incident's campaign chain (targets told so far, targets of the
 * current level) and the directory (who those stakeholders are, who subscribes to the sector). For AMBER a
 * stakeholder stands for its linked principal and an organisation-kind one for its whole organisation; for RED
 * only persons targeted at the current level count (api.md "Whom").
 */
public class EscalationNeedToKnow implements NeedToKnow {

    private final JdbcTemplate jdbc;

    public EscalationNeedToKnow(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public IncidentFacts factsOf(IncidentId incident, String reporterOrganisation, Tlp tlp, Sector sector) {
        return switch (tlp) {
            case CLEAR, GREEN, AMBER_STRICT -> IncidentFacts.of(reporterOrganisation, tlp);
            case AMBER -> amber(incident, reporterOrganisation, sector);
            case RED -> new IncidentFacts(reporterOrganisation, tlp, Set.of(), Set.of(), redTargets(incident));
        };
    }

    private IncidentFacts amber(IncidentId incident, String reporterOrganisation, Sector sector) {
        Set<String> principals = new HashSet<>();
        Set<String> organisations = new HashSet<>();
        jdbc.query("""
                        SELECT s.kind, s.organisation, s.principal FROM directory_stakeholder s
                        WHERE s.stakeholder_id IN (
                                SELECT unnest(c.told_targets) FROM campaign_member m
                                JOIN campaign_chain c ON c.campaign_id = m.campaign_id WHERE m.incident_id = ?)
                           OR (s.subscribed AND (cardinality(s.subscribed_sectors) = 0
                                OR ? = ANY (s.subscribed_sectors)
                                OR EXISTS (SELECT 1 FROM unnest(s.subscribed_sectors) prefix
                                           WHERE prefix LIKE '%*' AND ? LIKE replace(prefix, '*', '%'))))""",
                rs -> {
                    if (rs.getString("principal") != null) {
                        principals.add(rs.getString("principal"));
                    }
                    if ("organisation".equals(rs.getString("kind"))) {
                        organisations.add(rs.getString("organisation"));
                    }
                },
                incident.value(), sector.slug(), sector.slug());
        return new IncidentFacts(reporterOrganisation, Tlp.AMBER, principals, organisations, Set.of());
    }

    private Set<String> redTargets(IncidentId incident) {
        return new HashSet<>(jdbc.queryForList("""
                        SELECT s.principal FROM directory_stakeholder s
                        WHERE s.kind = 'person' AND s.principal IS NOT NULL AND s.stakeholder_id IN (
                                SELECT unnest(c.current_targets) FROM campaign_member m
                                JOIN campaign_chain c ON c.campaign_id = m.campaign_id WHERE m.incident_id = ?)""",
                String.class, incident.value()));
    }
}
