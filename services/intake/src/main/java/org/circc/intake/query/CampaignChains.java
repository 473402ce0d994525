package org.circc.intake.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.events.Actor;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Campaign membership and how far each campaign's escalation chain got, kept from triage's and escalation's
 * events (tables of V11). Callers run inside the consumer's inbox transaction, so each event changes them once,
 * and {@link #lock} the campaigns they touch first: triage's and escalation's topics are consumed concurrently,
 * and a report joining while the chain advances must see one or the other committed, never neither.
 */
public class CampaignChains {

    /** How far a chain got; it only ever moves forward. */
    public enum Stage { ESCALATED, ACKNOWLEDGED }

    /** A campaign's chain: its stage, and the reason and actor its members' transitions record. */
    public record Chain(Stage stage, String reason, Actor actor) {
    }

    private final JdbcTemplate jdbc;

    public CampaignChains(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the campaigns until the transaction ends (PostgreSQL advisory locks, taken in a fixed order). */
    public void lock(CampaignId... campaigns) {
        Arrays.stream(campaigns).sorted().forEach(campaign -> jdbc.queryForList(
                "SELECT pg_advisory_xact_lock(?)", campaign.value().getMostSignificantBits()
                        ^ campaign.value().getLeastSignificantBits()));
    }

    public void join(IncidentId incident, CampaignId campaign) {
        jdbc.update("""
                INSERT INTO campaign_member (incident_id, campaign_id) VALUES (?, ?)
                ON CONFLICT (incident_id) DO UPDATE SET campaign_id = EXCLUDED.campaign_id""",
                incident.value(), campaign.value());
    }

    /** Moves every member of {@code from} to {@code to}; returns the moved incidents. */
    public List<IncidentId> moveMembers(CampaignId from, CampaignId to) {
        return jdbc.queryForList("""
                        UPDATE campaign_member SET campaign_id = ? WHERE campaign_id = ? RETURNING incident_id""",
                UUID.class, to.value(), from.value()).stream().map(IncidentId::new).toList();
    }

    public List<IncidentId> members(CampaignId campaign) {
        return jdbc.queryForList("SELECT incident_id FROM campaign_member WHERE campaign_id = ? ORDER BY incident_id",
                UUID.class, campaign.value()).stream().map(IncidentId::new).toList();
    }

    public Optional<Chain> chainOf(CampaignId campaign) {
        return jdbc.query("""
                        SELECT stage, reason, actor_kind, actor_id, actor_organisation
                        FROM campaign_chain WHERE campaign_id = ?""",
                (rs, row) -> new Chain(Stage.valueOf(rs.getString("stage")), rs.getString("reason"),
                        new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor_id"),
                                rs.getString("actor_organisation"))),
                campaign.value()).stream().findFirst();
    }

    /** Records the chain's new stage unless it is already there or further along. */
    public void advance(CampaignId campaign, Chain chain) {
        jdbc.update("""
                        INSERT INTO campaign_chain (campaign_id, stage, reason, actor_kind, actor_id, actor_organisation)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (campaign_id) DO UPDATE SET stage = EXCLUDED.stage, reason = EXCLUDED.reason,
                            actor_kind = EXCLUDED.actor_kind, actor_id = EXCLUDED.actor_id,
                            actor_organisation = EXCLUDED.actor_organisation
                        WHERE campaign_chain.stage = 'ESCALATED'""",
                campaign.value(), chain.stage().name(), truncate(chain.reason()), chain.actor().kind().name(),
                chain.actor().id(), chain.actor().organisation());
    }

    /** The stakeholders a newly raised level targets: now the current level's, and added to those ever told. */
    public void recordTargets(CampaignId campaign, List<String> targets) {
        jdbc.update("""
                        UPDATE campaign_chain SET current_targets = ?,
                            told_targets = ARRAY(SELECT DISTINCT t FROM unnest(told_targets || ?) t ORDER BY t)
                        WHERE campaign_id = ?""",
                targets.toArray(String[]::new), targets.toArray(String[]::new), campaign.value());
    }

    private static String truncate(String reason) {
        return reason.length() <= 512 ? reason : reason.substring(0, 509) + "...";
    }
}
