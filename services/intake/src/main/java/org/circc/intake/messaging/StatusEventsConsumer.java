package org.circc.intake.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.intake.command.MarkIncidentAcknowledgedCommand;
import org.circc.intake.command.MarkIncidentEscalatedCommand;
import org.circc.intake.command.MarkIncidentTriagedCommand;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;

/**
 * Moves incidents along their lifecycle from triage's and escalation's events; runs inside the inbox transaction
 * of the platform consumer. Other event types on those topics are not about an incident's status and are ignored.
 */
public class StatusEventsConsumer implements IntegrationEventHandler {

    static final Actor ESCALATION = Actor.system("escalation");

    private final CommandGateway commandGateway;

    public StatusEventsConsumer(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        Object command = null;
        if (event.payload() instanceof IncidentTriagedEvent triaged) {
            command = new MarkIncidentTriagedCommand(triaged.incidentId(),
                    "triaged: severity " + triaged.severity().level() + " " + triaged.severity().displayName()
                            + ", campaign " + triaged.campaignId(),
                    triaged.actor());
        } else if (event.payload() instanceof EscalationLevelRaisedEvent raised) {
            command = new MarkIncidentEscalatedCommand(raised.incidentId(),
                    "escalation level " + raised.level() + " raised"
                            + (raised.reason() == null ? "" : ": " + raised.reason()),
                    ESCALATION);
        } else if (event.payload() instanceof EscalationAcknowledgedEvent acknowledged) {
            command = new MarkIncidentAcknowledgedCommand(acknowledged.incidentId(),
                    "escalation acknowledged at level " + acknowledged.level()
                            + (acknowledged.note() == null ? "" : ": " + acknowledged.note()),
                    acknowledged.actor());
        }
        if (command != null) {
            commandGateway.sendAndWait(command);
        }
    }
}
