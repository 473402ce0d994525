package org.circc.triage.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;
import java.util.List;

/** Stored when {@code incidentId} linked two campaigns: {@code mergedCampaignId}'s members moved into {@code campaignId}. */
public record CampaignMergedEvent(
        CampaignId campaignId,
        CampaignId mergedCampaignId,
        IncidentId incidentId,
        List<IncidentId> movedIncidentIds,
        Instant mergedAt) {

    public CampaignMergedEvent {
        movedIncidentIds = List.copyOf(movedIncidentIds);
    }
}
