package org.circc.triage.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** The {@code campaign_member} read model: every incident's campaign and whether it is closed. */
public class CampaignMembers {

    private static final String OPEN_CAMPAIGNS =
            "SELECT DISTINCT campaign_id FROM campaign_member WHERE NOT closed AND campaign_id IS NOT NULL";

    private final JdbcTemplate jdbc;

    public CampaignMembers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void placed(IncidentId incidentId, CampaignId campaignId) {
        jdbc.update("INSERT INTO campaign_member (incident_id, campaign_id) VALUES (?, ?) "
                + "ON CONFLICT (incident_id) DO UPDATE SET campaign_id = excluded.campaign_id",
                incidentId.value(), campaignId.value());
    }

    public void merged(CampaignId survivor, CampaignId merged) {
        jdbc.update("UPDATE campaign_member SET campaign_id = ? WHERE campaign_id = ?", survivor.value(), merged.value());
    }

    /** Resolved, closed and withdrawn incidents no longer keep their campaign open; nothing reopens them. */
    public void closed(IncidentId incidentId) {
        jdbc.update("INSERT INTO campaign_member (incident_id, closed) VALUES (?, true) "
                + "ON CONFLICT (incident_id) DO UPDATE SET closed = true", incidentId.value());
    }

    /** Campaigns with at least one member that is not closed. */
    public long openCampaigns() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM (" + OPEN_CAMPAIGNS + ") open", Long.class);
        return count == null ? 0 : count;
    }

    /** The number of reports of each open campaign. */
    public List<Long> reportsPerOpenCampaign() {
        return jdbc.queryForList("SELECT count(*) FROM campaign_member WHERE campaign_id IN (" + OPEN_CAMPAIGNS
                + ") GROUP BY campaign_id", Long.class);
    }
}
