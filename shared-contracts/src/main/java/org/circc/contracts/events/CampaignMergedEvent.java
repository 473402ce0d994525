package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;
import java.util.List;

/**
 * v1 — a report ({@code incidentId}) linked two campaigns: {@code mergedCampaignId} and its members
 * ({@code movedIncidentIds}) now belong to {@code campaignId}, the surviving one. The merged-away campaign
 * answers with {@code mergedInto} from then on. Keyed by the surviving campaign.
 */
public record CampaignMergedEvent(
        CampaignId campaignId,
        CampaignId mergedCampaignId,
        IncidentId incidentId,
        List<IncidentId> movedIncidentIds,
        Instant occurredAt) implements IncidentEvent {

    public CampaignMergedEvent {
        movedIncidentIds = List.copyOf(movedIncidentIds);
    }

    @Override
    public String subject() {
        return campaignId.toString();
    }
}
