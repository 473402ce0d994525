package org.circc.notification.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link CampaignState} per campaign, from triage's and escalation's events (which arrive in any order). */
@Repository
public class CampaignStates {

    private final JdbcTemplate jdbc;

    public CampaignStates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public CampaignState find(CampaignId campaignId) {
        return jdbc.query("SELECT sectors, tlp, escalation_active, level FROM campaign_state WHERE campaign_id = ?",
                (rs, row) -> new CampaignState(sectors(rs.getArray(1)),
                        rs.getString(2) == null ? null : Tlp.parse(rs.getString(2)), rs.getBoolean(3), rs.getInt(4)),
                campaignId.toString()).stream().findFirst().orElse(CampaignState.UNKNOWN);
    }

    public void recordTriage(CampaignId campaignId, Collection<Sector> sectors, Tlp tlp) {
        String[] slugs = sectors.stream().map(Sector::slug).sorted().toArray(String[]::new);
        jdbc.update("""
                INSERT INTO campaign_state (campaign_id, sectors, tlp) VALUES (?, ?, ?)
                ON CONFLICT (campaign_id) DO UPDATE SET sectors = excluded.sectors, tlp = excluded.tlp
                """, campaignId.toString(), slugs, tlp.label());
    }

    /** A new chain: it starts before its first level. */
    public void escalationStarted(CampaignId campaignId) {
        jdbc.update("""
                INSERT INTO campaign_state (campaign_id, escalation_active) VALUES (?, TRUE)
                ON CONFLICT (campaign_id) DO UPDATE SET escalation_active = TRUE, level = 0
                """, campaignId.toString());
    }

    /**
     * A chain's events arrive in order (one key), so a level raised follows its start; levels only go up, so a
     * repeated event leaves the higher one.
     */
    public void levelRaised(CampaignId campaignId, int level) {
        jdbc.update("""
                INSERT INTO campaign_state (campaign_id, escalation_active, level) VALUES (?, TRUE, ?)
                ON CONFLICT (campaign_id) DO UPDATE SET level = GREATEST(campaign_state.level, excluded.level)
                """, campaignId.toString(), level);
    }

    /** The escalation started before its sectors were known: its subscribers wait for the first level raised. */
    public void markSubscribersPending(CampaignId campaignId) {
        jdbc.update("""
                INSERT INTO campaign_state (campaign_id, subscribers_pending) VALUES (?, TRUE)
                ON CONFLICT (campaign_id) DO UPDATE SET subscribers_pending = TRUE
                """, campaignId.toString());
    }

    /** @return whether the subscribers were waiting; they are not any more */
    public boolean takeSubscribersPending(CampaignId campaignId) {
        return jdbc.update("UPDATE campaign_state SET subscribers_pending = FALSE WHERE campaign_id = ? "
                + "AND subscribers_pending", campaignId.toString()) == 1;
    }

    public void escalationEnded(CampaignId campaignId) {
        jdbc.update("UPDATE campaign_state SET escalation_active = FALSE WHERE campaign_id = ?", campaignId.toString());
    }

    private static Set<Sector> sectors(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Sector::fromSlug).collect(Collectors.toSet());
    }
}
