package org.circc.escalation.query;

import org.circc.contracts.Sector;
import org.circc.contracts.events.StakeholderKind;
import org.circc.contracts.events.StakeholderSnapshot;
import org.circc.escalation.command.Stakeholder;
import org.circc.escalation.command.StakeholderDirectory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The stakeholders of {@code circc.directory-events}, kept in escalation's database. */
public class JdbcStakeholderDirectory implements StakeholderDirectory {

    private static final String COLUMNS = "stakeholder_id, kind, organisation, principal, subscribed, subscribed_sectors";

    private final NamedParameterJdbcTemplate jdbc;

    public JdbcStakeholderDirectory(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Registered or changed: the snapshot replaces what was known (events of one stakeholder arrive in order). */
    public void save(StakeholderSnapshot snapshot) {
        jdbc.update("""
                INSERT INTO escalation_stakeholder (%s)
                VALUES (:id, :kind, :organisation, :principal, :subscribed, :sectors)
                ON CONFLICT (stakeholder_id) DO UPDATE SET kind = excluded.kind, organisation = excluded.organisation,
                    principal = excluded.principal, subscribed = excluded.subscribed,
                    subscribed_sectors = excluded.subscribed_sectors
                """.formatted(COLUMNS), new MapSqlParameterSource()
                .addValue("id", snapshot.stakeholderId())
                .addValue("kind", snapshot.kind().name())
                .addValue("organisation", snapshot.organisation())
                .addValue("principal", snapshot.principal())
                .addValue("subscribed", snapshot.subscribedMinSeverity() != null
                        || !snapshot.subscribedSectors().isEmpty())
                .addValue("sectors", String.join("\n", snapshot.subscribedSectors())));
    }

    public void remove(String stakeholderId) {
        jdbc.update("DELETE FROM escalation_stakeholder WHERE stakeholder_id = :id",
                new MapSqlParameterSource("id", stakeholderId));
    }

    @Override
    public List<Stakeholder> find(Collection<String> stakeholderIds) {
        if (stakeholderIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM escalation_stakeholder WHERE stakeholder_id IN (:ids)",
                new MapSqlParameterSource("ids", Set.copyOf(stakeholderIds)), (row, i) -> stakeholder(row));
    }

    @Override
    public List<Stakeholder> subscribersOf(Sector sector) {
        return jdbc.query("SELECT " + COLUMNS + " FROM escalation_stakeholder WHERE subscribed",
                        new MapSqlParameterSource(), (row, i) -> new Subscriber(stakeholder(row),
                                row.getString("subscribed_sectors")))
                .stream()
                .filter(subscriber -> subscriber.selects(sector))
                .map(Subscriber::stakeholder)
                .toList();
    }

    @Override
    public Set<String> unknown(Collection<String> stakeholderIds) {
        Set<String> unknown = new LinkedHashSet<>(stakeholderIds);
        find(stakeholderIds).forEach(stakeholder -> unknown.remove(stakeholder.id()));
        return unknown;
    }

    private static Stakeholder stakeholder(ResultSet row) throws SQLException {
        return new Stakeholder(row.getString("stakeholder_id"), StakeholderKind.valueOf(row.getString("kind")),
                row.getString("organisation"), row.getString("principal"));
    }

    /** An empty sector list subscribes to every sector (api.md "Whom"). */
    private record Subscriber(Stakeholder stakeholder, String sectorPatterns) {

        boolean selects(Sector sector) {
            return sectorPatterns.isEmpty()
                    || Arrays.stream(sectorPatterns.split("\n")).anyMatch(sector::matchesPattern);
        }
    }
}
