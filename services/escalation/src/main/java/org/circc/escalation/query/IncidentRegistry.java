package org.circc.escalation.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
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

    /** Merges chained longer than this are a cycle (a bug elsewhere), not a campaign to follow. */
    private static final int MAX_HOPS = 100;
    /** Each attempt found a campaign merged away while it waited for its lock: merges do not come this fast. */
    private static final int MAX_LOCK_ATTEMPTS = 10;

    private final NamedParameterJdbcTemplate jdbc;

    public IncidentRegistry(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the campaign's row until the transaction ends, creating it if needed.
     *
     * @return the campaign its chain now lives in: itself, or the campaign it was (transitively) merged into
     */
    public CampaignId lockCampaign(CampaignId campaignId) {
        return lockCurrent(List.of(campaignId)).get(0);
    }

    /**
     * Locks the rows of the campaigns the given ones now live in (each followed along its merges), in id order so
     * that two consumers locking the same campaigns cannot deadlock, and answers them in the given order. Should one
     * of them merge away before its lock was granted, the campaigns are resolved and locked again.
     */
    public List<CampaignId> lockCurrent(List<CampaignId> campaignIds) {
        for (int attempt = 0; attempt < MAX_LOCK_ATTEMPTS; attempt++) {
            List<CampaignId> current = campaignIds.stream().map(this::current).toList();
            boolean stillCurrent = current.stream().distinct().sorted()
                    .allMatch(campaign -> jdbc.queryForObject(
                            "SELECT merged_into FROM escalation_campaign WHERE campaign_id = :id FOR UPDATE",
                            new MapSqlParameterSource("id", campaign.value()), UUID.class) == null);
            if (stillCurrent) {
                return current;
            }
        }
        throw new IllegalStateException("campaigns " + campaignIds + " keep merging away");
    }

    /** The campaign {@code campaignId} now lives in, following merged_into without locking. */
    private CampaignId current(CampaignId campaignId) {
        CampaignId current = campaignId;
        for (int hops = 0; hops < MAX_HOPS; hops++) {
            jdbc.update("INSERT INTO escalation_campaign (campaign_id) VALUES (:id) ON CONFLICT DO NOTHING",
                    new MapSqlParameterSource("id", current.value()));
            UUID mergedInto = jdbc.queryForObject(
                    "SELECT merged_into FROM escalation_campaign WHERE campaign_id = :id",
                    new MapSqlParameterSource("id", current.value()), UUID.class);
            if (mergedInto == null) {
                return current;
            }
            current = new CampaignId(mergedInto);
        }
        throw new IllegalStateException("campaign " + campaignId + " has a merge cycle");
    }

    /** The campaign's severity and label as triage last announced them; {@code campaignId} is locked. */
    public void recordSeverity(CampaignId campaignId, Severity severity, Tlp tlp) {
        jdbc.update("UPDATE escalation_campaign SET severity = :severity, tlp = :tlp WHERE campaign_id = :id",
                new MapSqlParameterSource()
                        .addValue("id", campaignId.value())
                        .addValue("severity", severity.level())
                        .addValue("tlp", tlp.name()));
    }

    /** What {@link #recordSeverity} last recorded for the campaign, if anything. */
    public Optional<CampaignSeverity> severityOf(CampaignId campaignId) {
        return jdbc.query("""
                SELECT severity, tlp FROM escalation_campaign WHERE campaign_id = :id AND severity IS NOT NULL
                """, new MapSqlParameterSource("id", campaignId.value()), (row, i) -> new CampaignSeverity(
                Severity.ofLevel(row.getInt("severity")), Tlp.valueOf(row.getString("tlp"))))
                .stream().findFirst();
    }

    public record CampaignSeverity(Severity severity, Tlp tlp) {
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

    /** @return the campaign the incident belongs to, if triage placed it already */
    public Optional<CampaignId> recordStatus(IncidentId incidentId, IncidentStatus status) {
        UUID campaign = jdbc.queryForObject("""
                INSERT INTO escalation_incident (incident_id, status) VALUES (:incident, :status)
                ON CONFLICT (incident_id) DO UPDATE SET status = excluded.status
                RETURNING campaign_id
                """, new MapSqlParameterSource()
                .addValue("incident", incidentId.value())
                .addValue("status", status.name()), UUID.class);
        return Optional.ofNullable(campaign).map(CampaignId::new);
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
