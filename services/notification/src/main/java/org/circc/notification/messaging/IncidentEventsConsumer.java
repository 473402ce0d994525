package org.circc.notification.messaging;

import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentUpdatedEvent;
import org.circc.notification.query.IncidentDetails;
import org.circc.notification.query.IncidentDetailsRepository;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;

/** Intake's events: the details a notice may carry (title, description, observables) and what decides it. */
public class IncidentEventsConsumer implements IntegrationEventHandler {

    private final IncidentDetailsRepository incidents;

    public IncidentEventsConsumer(IncidentDetailsRepository incidents) {
        this.incidents = incidents;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        if (event.payload() instanceof IncidentReportedEvent reported) {
            incidents.save(new IncidentDetails(reported.incidentId(), reported.title(), reported.description(),
                    reported.category(), reported.sector(), reported.tlp(), reported.reporterOrg(),
                    reported.observables()));
        } else if (event.payload() instanceof IncidentUpdatedEvent updated && !updated.addedObservables().isEmpty()) {
            incidents.addObservables(updated.incidentId(), updated.addedObservables());
        }
    }
}
