package org.circc.notification.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.circc.contracts.events.StakeholderSnapshot;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.StakeholderChangedEvent;
import org.circc.notification.command.StakeholderRegisteredEvent;
import org.circc.notification.command.StakeholderRemovedEvent;
import org.circc.notification.command.Subscriptions;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Publishes the directory on {@code circc.directory-events}, so escalation can check its targets. The snapshot
 * lists channel types only: no address, URL or secret leaves the service.
 */
@Component
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class DirectoryEventPublisher {

    private final IntegrationEventPublisher publisher;

    public DirectoryEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(StakeholderRegisteredEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.StakeholderRegisteredEvent(snapshot(event.stakeholder()),
                event.actor(), event.occurredAt()), eventId);
    }

    @EventHandler
    void on(StakeholderChangedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.StakeholderChangedEvent(snapshot(event.stakeholder()),
                event.actor(), event.occurredAt()), eventId);
    }

    @EventHandler
    void on(StakeholderRemovedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.StakeholderRemovedEvent(event.stakeholderId(), event.actor(),
                event.occurredAt()), eventId);
    }

    static StakeholderSnapshot snapshot(Stakeholder stakeholder) {
        Subscriptions subscriptions = stakeholder.subscriptions();
        return new StakeholderSnapshot(stakeholder.id(), stakeholder.name(), stakeholder.kind(),
                stakeholder.organisation(), stakeholder.principal(), stakeholder.clearance(),
                stakeholder.channels().stream().map(Stakeholder.Channel::type).distinct().toList(),
                subscriptions == null ? List.of() : subscriptions.sectors(),
                subscriptions == null ? null : subscriptions.minSeverity(),
                subscriptions == null ? List.of() : subscriptions.categories());
    }
}
