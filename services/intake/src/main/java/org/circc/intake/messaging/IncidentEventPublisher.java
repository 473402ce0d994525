package org.circc.intake.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.circc.intake.command.IncidentReport;
import org.circc.intake.command.IncidentReportedEvent;
import org.circc.intake.command.IncidentStatusChangedEvent;
import org.circc.intake.command.IncidentUpdatedEvent;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes intake's stored events on {@code circc.incident-events}, from the event store (the outbox); the
 * stored event's id is the integration event's id, stable across re-publication.
 */
@Component
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class IncidentEventPublisher {

    private final IntegrationEventPublisher publisher;

    public IncidentEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(IncidentReportedEvent event, @MessageIdentifier String eventId) {
        IncidentReport report = event.report();
        publisher.publish(new org.circc.contracts.events.IncidentReportedEvent(
                event.incidentId(), report.title(), report.description(), report.category(), report.sector(),
                report.tlp(), report.impact(), report.affectedAssets(), report.observables(),
                event.reporter().organisation(), report.detectedAt(), event.reporter(), event.reportedAt()), eventId);
    }

    @EventHandler
    void on(IncidentUpdatedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.IncidentUpdatedEvent(event.incidentId(), event.note(),
                event.addedObservables(), event.impact(), event.actor(), event.occurredAt()), eventId);
    }

    @EventHandler
    void on(IncidentStatusChangedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.IncidentStatusChangedEvent(event.incidentId(), event.from(),
                event.to(), event.reason(), event.actor(), event.occurredAt()), eventId);
    }
}
