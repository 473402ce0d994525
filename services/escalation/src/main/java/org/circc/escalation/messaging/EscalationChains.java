package org.circc.escalation.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.circc.contracts.CampaignId;
import org.circc.escalation.command.EndEscalationCommand;
import org.circc.escalation.query.IncidentRegistry;

/**
 * What the consumers share about a campaign's chain: whether one was ever started (its events exist), and ending
 * it once every member settled. Callers hold the campaign's lock ({@link IncidentRegistry#lockCampaign}).
 */
public class EscalationChains {

    static final String SETTLED_REASON = "every member of the campaign is resolved, closed or withdrawn";

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final IncidentRegistry registry;

    public EscalationChains(CommandGateway commandGateway, EventStore eventStore, IncidentRegistry registry) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    public boolean exists(CampaignId campaignId) {
        return eventStore.lastSequenceNumberFor(campaignId.toString()).isPresent();
    }

    public void endIfSettled(CampaignId campaignId) {
        if (registry.isSettled(campaignId) && exists(campaignId)) {
            commandGateway.sendAndWait(new EndEscalationCommand(campaignId, SETTLED_REASON));
        }
    }
}
