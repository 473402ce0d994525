package org.circc.escalation.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.Sector;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.escalation.command.EscalationPolicies;
import org.circc.escalation.command.StartEscalationCommand;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;

import java.util.Comparator;

/** Starts a campaign's chain when its severity makes a policy applicable (api.md "Who is told what, and when"). */
public class TriageEventsConsumer implements IntegrationEventHandler {

    private final CommandGateway commandGateway;
    private final EscalationPolicies policies;

    public TriageEventsConsumer(CommandGateway commandGateway, EscalationPolicies policies) {
        this.commandGateway = commandGateway;
        this.policies = policies;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        if (event.payload() instanceof CampaignSeverityChangedEvent changed) {
            Sector sector = changed.sectors().stream().min(Comparator.naturalOrder()).orElseThrow();
            policies.choose(changed.severity(), changed.sectors()).ifPresent(policy ->
                    commandGateway.sendAndWait(new StartEscalationCommand(changed.campaignId(), changed.incidentId(),
                            policy, changed.severity(), sector, changed.tlp())));
        }
    }
}
