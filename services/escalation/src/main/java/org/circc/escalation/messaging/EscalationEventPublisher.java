package org.circc.escalation.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.circc.escalation.command.EscalationExhaustedEvent;
import org.circc.escalation.command.EscalationLevelRaisedEvent;
import org.circc.escalation.command.EscalationStartedEvent;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes escalation's stored events on {@code circc.escalation-events}; the escalation id is the campaign's. */
@Component
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class EscalationEventPublisher {

    private final IntegrationEventPublisher publisher;

    public EscalationEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(EscalationStartedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.EscalationStartedEvent(event.campaignId().value(),
                event.campaignId(), event.incidentId(), event.policy().id(), event.policy().version(),
                event.severity(), event.startedAt()), eventId);
    }

    @EventHandler
    void on(EscalationLevelRaisedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.EscalationLevelRaisedEvent(event.campaignId().value(),
                event.campaignId(), event.incidentId(), event.level(), event.targets(), event.ackDeadline(),
                event.severity(), event.sector(), event.tlp(), event.reason(), event.raisedAt()), eventId);
    }

    @EventHandler
    void on(EscalationExhaustedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.EscalationExhaustedEvent(event.campaignId().value(),
                event.campaignId(), event.incidentId(), event.level(), event.exhaustedAt()), eventId);
    }
}
