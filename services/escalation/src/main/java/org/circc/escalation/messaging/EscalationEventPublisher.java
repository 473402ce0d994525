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

import java.nio.charset.StandardCharsets;
import java.util.UUID;

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

    /**
     * The surviving campaign's chain is now the adopted one: told with the events its consumers already follow, so
     * they move every member of the survivor to the adopted level, targets and state. A survivor without a running
     * chain starts one; one that had a chain only continues (no second start).
     */
    @EventHandler
    void on(EscalationTakenOverEvent event, @MessageIdentifier String eventId) {
        EscalationChain chain = event.chain();
        UUID escalationId = event.campaignId().value();
        if (!event.replacedRunningChain()) {
            publisher.publish(new EscalationStartedEvent(escalationId, event.campaignId(), chain.incidentId(),
                    chain.policy().id(), chain.policy().version(), chain.severity(), event.takenOverAt()),
                    derivedId(eventId, "started"));
        }
        publisher.publish(new EscalationLevelRaisedEvent(escalationId, event.campaignId(), chain.incidentId(),
                chain.level(), chain.currentTargets(), chain.ackDeadline(), chain.severity(), chain.sector(),
                chain.tlp(), "campaign " + event.fromCampaignId() + " merged in: its chain continues here",
                event.takenOverAt()), derivedId(eventId, "level-raised"));
        if (chain.exhausted()) {
            publisher.publish(new EscalationExhaustedEvent(escalationId, event.campaignId(), chain.incidentId(),
                    chain.level(), event.takenOverAt()), derivedId(eventId, "exhausted"));
        }
        if (chain.acknowledged()) {
            EscalationChain.Acknowledgement acknowledgement = chain.acknowledgement();
            publisher.publish(new EscalationAcknowledgedEvent(escalationId, event.campaignId(), chain.incidentId(),
                    chain.level(), acknowledgement.note(), acknowledgement.actor(), acknowledgement.acknowledgedAt()),
                    derivedId(eventId, "acknowledged"));
        }
    }

    /** One stored event published as several: each gets an id of its own, the same on every redelivery. */
    static String derivedId(String eventId, String part) {
        return UUID.nameUUIDFromBytes((eventId + "/" + part).getBytes(StandardCharsets.UTF_8)).toString();
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
