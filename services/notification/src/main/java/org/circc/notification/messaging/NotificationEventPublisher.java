package org.circc.notification.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.circc.contracts.events.NotificationDeadLetteredEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.contracts.events.NotificationFailedEvent;
import org.circc.notification.command.DeliveryAttemptRecordedEvent;
import org.circc.notification.command.Notice;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes the outcome of attempts on {@code circc.notification-events}: delivered, failed with a retry
 * scheduled, or dead-lettered. A stream notice nobody was connected for (SENT) reached no one and is not published.
 */
@Component
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class NotificationEventPublisher {

    private final IntegrationEventPublisher publisher;

    public NotificationEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(DeliveryAttemptRecordedEvent event, @MessageIdentifier String eventId) {
        Notice notice = event.notice();
        switch (event.state()) {
            case DELIVERED -> publisher.publish(new NotificationDeliveredEvent(event.deliveryId(),
                    event.stakeholderId(), event.channel(), notice.incidentId(), notice.campaignId(), notice.level(),
                    event.attempt(), notice.redacted(), event.attemptedAt()), eventId);
            case FAILED -> publisher.publish(new NotificationFailedEvent(event.deliveryId(), event.stakeholderId(),
                    event.channel(), notice.incidentId(), notice.campaignId(), notice.level(), event.attempt(),
                    event.error(), event.nextAttemptAt(), event.attemptedAt()), eventId);
            case DEAD_LETTERED -> publisher.publish(new NotificationDeadLetteredEvent(event.deliveryId(),
                    event.stakeholderId(), event.channel(), notice.incidentId(), notice.campaignId(), notice.level(),
                    event.attempt(), event.error(), event.attemptedAt()), eventId);
            default -> {
                // SENT reached nobody; QUEUED is never the state after an attempt
            }
        }
    }
}
