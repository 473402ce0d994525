package org.circc.notification.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.circc.contracts.events.NotificationDeadLetteredEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.notification.command.DeliveryAttemptedEvent;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/** Publishes the outcome of deliveries on {@code circc.notification-events}. */
@Component
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class NotificationEventPublisher {

    private final IntegrationEventPublisher publisher;

    public NotificationEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(DeliveryAttemptedEvent event, @MessageIdentifier String eventId) {
        if (event.succeeded()) {
            publisher.publish(new NotificationDeliveredEvent(event.deliveryId(), event.stakeholderId(), event.channel(),
                    event.notice().incidentId(), event.notice().campaignId(), event.notice().level(), event.attempt(),
                    true, event.attemptedAt()), eventId);
        } else if (event.finalAttempt()) {
            publisher.publish(new NotificationDeadLetteredEvent(event.deliveryId(), event.stakeholderId(),
                    event.channel(), event.notice().incidentId(), event.notice().campaignId(), event.notice().level(),
                    event.attempt(), event.error(), event.attemptedAt()), eventId);
        }
    }
}
