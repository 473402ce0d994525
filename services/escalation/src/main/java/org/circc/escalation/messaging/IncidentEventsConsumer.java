package org.circc.escalation.messaging;

import org.circc.contracts.CampaignId;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.escalation.query.IncidentRecord;
import org.circc.escalation.query.IncidentRegistry;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;

/**
 * Intake's facts about each incident: what the sharing rule needs (reporter, TLP, sector) and its status, so a
 * chain ends once every member of its campaign is resolved, closed or withdrawn.
 */
public class IncidentEventsConsumer implements IntegrationEventHandler {

    private final IncidentRegistry registry;
    private final EscalationChains chains;

    public IncidentEventsConsumer(IncidentRegistry registry, EscalationChains chains) {
        this.registry = registry;
        this.chains = chains;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        if (event.payload() instanceof IncidentReportedEvent reported) {
            registry.recordReported(reported.incidentId(), reported.reporterOrg(), reported.tlp(), reported.sector());
        } else if (event.payload() instanceof IncidentStatusChangedEvent changed) {
            registry.recordStatus(changed.incidentId(), changed.to());
            registry.find(changed.incidentId()).flatMap(IncidentRecord::campaignId).ifPresent(campaignId -> {
                CampaignId campaign = registry.lockCampaign(campaignId);
                chains.endIfSettled(campaign);
            });
        }
    }
}
