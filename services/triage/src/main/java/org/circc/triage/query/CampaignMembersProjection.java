package org.circc.triage.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.circc.triage.command.CampaignMergedEvent;
import org.circc.triage.command.IncidentTriagedEvent;

/** Keeps {@code campaign_member} up to date from the event store (tracking processor {@value #PROCESSING_GROUP}). */
@ProcessingGroup(CampaignMembersProjection.PROCESSING_GROUP)
public class CampaignMembersProjection {

    public static final String PROCESSING_GROUP = "triage-campaign-members";

    private final CampaignMembers members;

    public CampaignMembersProjection(CampaignMembers members) {
        this.members = members;
    }

    @EventHandler
    void on(IncidentTriagedEvent event) {
        members.placed(event.incidentId(), event.campaignId());
    }

    @EventHandler
    void on(CampaignMergedEvent event) {
        members.merged(event.campaignId(), event.mergedCampaignId());
    }
}
