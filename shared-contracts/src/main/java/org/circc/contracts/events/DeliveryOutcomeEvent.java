package org.circc.contracts.events;

import org.circc.contracts.CampaignId;

import java.util.UUID;

/** What every notification event says about the delivery it concerns. */
public interface DeliveryOutcomeEvent extends IncidentEvent {

    UUID deliveryId();

    String stakeholderId();

    String channel();

    CampaignId campaignId();

    int level();

    int attempt();

    @Override
    default String subject() {
        return deliveryId().toString();
    }
}
