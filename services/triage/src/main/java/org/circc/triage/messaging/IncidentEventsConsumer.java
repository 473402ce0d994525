package org.circc.triage.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentUpdatedEvent;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.circc.triage.command.RetriageIncidentCommand;
import org.circc.triage.command.TriageIncidentCommand;
import org.circc.triage.query.CampaignMembers;

import java.util.Set;

/**
 * Turns intake's events into triage commands: reports are triaged, updates with new observables or a new impact
 * re-triaged, and closing moves recorded for the campaign metrics. Runs inside the inbox transaction of the
 * platform consumer.
 */
public class IncidentEventsConsumer implements IntegrationEventHandler {

    private static final Set<IncidentStatus> CLOSING =
            Set.of(IncidentStatus.RESOLVED, IncidentStatus.CLOSED, IncidentStatus.WITHDRAWN);

    private final CommandGateway commandGateway;
    private final TriageMetrics metrics;
    private final Cache correlationCache;
    private final CampaignMembers campaignMembers;

    public IncidentEventsConsumer(CommandGateway commandGateway, TriageMetrics metrics, Cache correlationCache,
                                  CampaignMembers campaignMembers) {
        this.commandGateway = commandGateway;
        this.metrics = metrics;
        this.correlationCache = correlationCache;
        this.campaignMembers = campaignMembers;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        if (event.payload() instanceof IncidentReportedEvent reported) {
            send(new TriageIncidentCommand(reported.incidentId(), reported.reporterOrg(), reported.category(),
                    reported.sector(), reported.tlp(), reported.impact(), reported.affectedAssets(),
                    reported.observables(), reported.occurredAt()));
            metrics.triaged(reported.occurredAt());
        } else if (event.payload() instanceof IncidentUpdatedEvent updated
                && (!updated.addedObservables().isEmpty() || updated.impact() != null)) {
            send(new RetriageIncidentCommand(updated.incidentId(), updated.addedObservables(), updated.impact()));
        } else if (event.payload() instanceof IncidentStatusChangedEvent changed && CLOSING.contains(changed.to())) {
            campaignMembers.closed(changed.incidentId());
        }
    }

    private void send(Object command) {
        BatchUnitOfWork.joinOrStart(correlationCache);
        commandGateway.sendAndWait(command);
    }
}
