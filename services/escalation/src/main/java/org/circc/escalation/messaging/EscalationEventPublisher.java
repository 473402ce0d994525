package org.circc.escalation.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationEndedEvent;
import org.circc.contracts.events.EscalationExhaustedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationPolicySavedEvent;
import org.circc.contracts.events.EscalationRemindedEvent;
import org.circc.contracts.events.EscalationStartedEvent;
import org.circc.escalation.command.EscalationChain;
import org.circc.escalation.command.EscalationTakenOverEvent;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes escalation's stored events on {@code circc.escalation-events}; the escalation id is the campaign's.
 * {@code EscalationSeverityChangedEvent} stays inside (triage published the change).
 */
@Component
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class EscalationEventPublisher {

    private final IntegrationEventPublisher publisher;

    public EscalationEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(org.circc.escalation.command.EscalationStartedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new EscalationStartedEvent(event.campaignId().value(), event.campaignId(),
                event.incidentId(), event.policy().id(), event.policy().version(), event.severity(),
                event.startedAt()), eventId);
    }

    /** The surviving campaign's chain now runs under the adopted chain's policy version. */
    @EventHandler
    void on(EscalationTakenOverEvent event, @MessageIdentifier String eventId) {
        EscalationChain chain = event.chain();
        publisher.publish(new EscalationStartedEvent(event.campaignId().value(), event.campaignId(),
                chain.incidentId(), chain.policy().id(), chain.policy().version(), chain.severity(),
                event.takenOverAt()), eventId);
    }

    @EventHandler
    void on(org.circc.escalation.command.EscalationLevelRaisedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new EscalationLevelRaisedEvent(event.campaignId().value(), event.campaignId(),
                event.incidentId(), event.level(), event.targets(), event.ackDeadline(), event.severity(),
                event.sector(), event.tlp(), event.reason(), event.raisedAt()), eventId);
    }

    @EventHandler
    void on(org.circc.escalation.command.EscalationAcknowledgedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new EscalationAcknowledgedEvent(event.campaignId().value(), event.campaignId(),
                event.incidentId(), event.level(), event.note(), event.actor(), event.acknowledgedAt()), eventId);
    }

    @EventHandler
    void on(org.circc.escalation.command.EscalationExhaustedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new EscalationExhaustedEvent(event.campaignId().value(), event.campaignId(),
                event.incidentId(), event.level(), event.exhaustedAt()), eventId);
    }

    @EventHandler
    void on(org.circc.escalation.command.EscalationRemindedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new EscalationRemindedEvent(event.campaignId().value(), event.campaignId(),
                event.incidentId(), event.level(), event.targets(), event.nextReminderAt(), event.severity(),
                event.sector(), event.tlp(), event.remindedAt()), eventId);
    }

    @EventHandler
    void on(org.circc.escalation.command.EscalationEndedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new EscalationEndedEvent(event.campaignId().value(), event.campaignId(),
                event.incidentId(), event.reason(), event.endedAt()), eventId);
    }

    @EventHandler
    void on(org.circc.escalation.command.EscalationPolicySavedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new EscalationPolicySavedEvent(event.policy().id(), event.policy().version(),
                event.policy().targetedStakeholders(), event.actor(), event.savedAt()), eventId);
    }
}
