package org.circc.escalation.messaging;

import org.circc.contracts.CampaignId;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.escalation.query.IncidentRecord;
import org.circc.escalation.query.IncidentRegistry;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;

import java.util.Optional;

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
            statusChanged(changed);
        }
    }

    /**
     * The campaign's row is locked before the incident's, the order every consumer takes, so two consumers never
     * wait for each other.
     */
    private void statusChanged(IncidentStatusChangedEvent changed) {
        Optional<CampaignId> lookedUp = registry.find(changed.incidentId()).flatMap(IncidentRecord::campaignId);
        Optional<CampaignId> locked = lookedUp.map(registry::lockCampaign);
        registry.recordStatus(changed.incidentId(), changed.to()).ifPresent(placed -> {
            // triage placed the incident only after it was looked up: rare, and a deadlock it might meet is retried
            CampaignId campaign = lookedUp.equals(Optional.of(placed)) ? locked.orElseThrow()
                    : registry.lockCampaign(placed);
            chains.endIfSettled(campaign);
        });
    }
}
