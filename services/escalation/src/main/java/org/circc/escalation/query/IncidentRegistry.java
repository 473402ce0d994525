package org.circc.escalation.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.IncidentStatus;
import org.circc.escalation.command.IncidentSharing;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Campaign membership (triage), the facts the sharing rule needs and each member's status (intake), in escalation's
 * database. Consumers lock a campaign's row while they decide about its chain, so two consumers never both miss
 * that the last member of a campaign settled.
 */
public class IncidentRegistry {

    /** The statuses after which an incident no longer needs anyone to act: a chain ends when every member has one. */
    private static final List<String> SETTLED = List.of(IncidentStatus.RESOLVED.name(), IncidentStatus.CLOSED.name(),
            IncidentStatus.WITHDRAWN.name());

    private final NamedParameterJdbcTemplate jdbc;

    public IncidentRegistry(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the campaign's row until the transaction ends, creating it if needed.
     *
     * @return the campaign its chain now lives in: itself, or the campaign it was merged into
     */
    public CampaignId lockCampaign(CampaignId campaignId) {
        CampaignId current = campaignId;
        for (int hops = 0; hops < 100; hops++) {
            jdbc.update("INSERT INTO escalation_campaign (campaign_id) VALUES (:id) ON CONFLICT DO NOTHING",
                    new MapSqlParameterSource("id", current.value()));
            UUID mergedInto = jdbc.queryForObject(
                    "SELECT merged_into FROM escalation_campaign WHERE campaign_id = :id FOR UPDATE",
                    new MapSqlParameterSource("id", current.value()), UUID.class);
            if (mergedInto == null) {
                return current;
            }
            current = new CampaignId(mergedInto);
        }
        throw new IllegalStateException("campaign " + campaignId + " has a merge cycle");
    }

    public void recordReported(IncidentId incidentId, String reporterOrganisation, Tlp tlp, Sector sector) {
        jdbc.update("""
                INSERT INTO escalation_incident (incident_id, reporter_org, tlp, sector)
                VALUES (:incident, :org, :tlp, :sector)
                ON CONFLICT (incident_id) DO UPDATE SET reporter_org = excluded.reporter_org, tlp = excluded.tlp,
                    sector = excluded.sector
                """, new MapSqlParameterSource()
                .addValue("incident", incidentId.value())
                .addValue("org", reporterOrganisation)
                .addValue("tlp", tlp.name())
                .addValue("sector", sector.slug()));
    }

    /** @param campaignId a locked, current campaign ({@link #lockCampaign}) */
    public void recordMember(IncidentId incidentId, CampaignId campaignId) {
        jdbc.update("""
                INSERT INTO escalation_incident (incident_id, campaign_id) VALUES (:incident, :campaign)
                ON CONFLICT (incident_id) DO UPDATE SET campaign_id = excluded.campaign_id
                """, new MapSqlParameterSource()
                .addValue("incident", incidentId.value())
                .addValue("campaign", campaignId.value()));
    }

    public void recordStatus(IncidentId incidentId, IncidentStatus status) {
        jdbc.update("""
                INSERT INTO escalation_incident (incident_id, status) VALUES (:incident, :status)
                ON CONFLICT (incident_id) DO UPDATE SET status = excluded.status
                """, new MapSqlParameterSource()
                .addValue("incident", incidentId.value())
                .addValue("status", status.name()));
    }

    /** The merged campaign and its members now belong to {@code survivorId}; both rows must be locked. */
    public void merge(CampaignId mergedId, CampaignId survivorId, Collection<IncidentId> movedIncidentIds) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("merged", mergedId.value())
                .addValue("survivor", survivorId.value());
        jdbc.update("UPDATE escalation_campaign SET merged_into = :survivor WHERE campaign_id = :merged", parameters);
        jdbc.update("UPDATE escalation_incident SET campaign_id = :survivor WHERE campaign_id = :merged", parameters);
        movedIncidentIds.forEach(incidentId -> recordMember(incidentId, survivorId));
    }

    /** Whether the campaign has members and every one is resolved, closed or withdrawn. */
    public boolean isSettled(CampaignId campaignId) {
        Map<String, Object> counts = jdbc.queryForMap("""
                SELECT count(*) AS members, count(*) FILTER (WHERE status IN (:settled)) AS settled
                FROM escalation_incident WHERE campaign_id = :campaign
                """, new MapSqlParameterSource()
                .addValue("campaign", campaignId.value())
                .addValue("settled", SETTLED));
        long members = ((Number) counts.get("members")).longValue();
        return members > 0 && members == ((Number) counts.get("settled")).longValue();
    }

    public Optional<IncidentRecord> find(IncidentId incidentId) {
        return jdbc.query("""
                SELECT campaign_id, reporter_org, tlp, sector FROM escalation_incident WHERE incident_id = :incident
                """, new MapSqlParameterSource("incident", incidentId.value()), (row, i) -> {
            UUID campaign = row.getObject("campaign_id", UUID.class);
            String reporter = row.getString("reporter_org");
            Optional<IncidentSharing> sharing = reporter == null ? Optional.empty()
                    : Optional.of(new IncidentSharing(reporter, Tlp.valueOf(row.getString("tlp")),
                            Sector.fromSlug(row.getString("sector"))));
            return new IncidentRecord(incidentId, Optional.ofNullable(campaign).map(CampaignId::new), sharing);
        }).stream().findFirst();
    }
}
