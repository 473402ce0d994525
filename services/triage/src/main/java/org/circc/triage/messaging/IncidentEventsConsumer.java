package org.circc.triage.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.circc.triage.command.TriageIncidentCommand;

/** Turns intake's reports into triage commands; runs inside the inbox transaction of the platform consumer. */
public class IncidentEventsConsumer implements IntegrationEventHandler {

    private final CommandGateway commandGateway;

    public IncidentEventsConsumer(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        if (event.payload() instanceof IncidentReportedEvent reported) {
            commandGateway.sendAndWait(new TriageIncidentCommand(reported.incidentId(), reported.category(),
                    reported.sector(), reported.tlp(), reported.impact()));
        }
    }
}
