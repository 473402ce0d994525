package org.circc.notification.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One notice to one stakeholder on one channel, with every attempt. Retries with back-off come with the
 * notification work (issue 6); until then a failed attempt is final and the delivery is dead-lettered.
 */
@Aggregate
public class Delivery {

    @AggregateIdentifier
    private UUID deliveryId;
    private String stakeholderId;
    private String channel;
    private Notice notice;
    private DeliveryState state;

    protected Delivery() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Delivery(QueueDeliveryCommand command, Clock clock) {
        apply(new DeliveryQueuedEvent(command.deliveryId(), command.stakeholderId(), command.channel(),
                command.notice(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordDeliveryAttemptCommand command, Clock clock) {
        if (state == DeliveryState.DELIVERED || state == DeliveryState.DEAD_LETTERED) {
            return;
        }
        apply(new DeliveryAttemptedEvent(deliveryId, stakeholderId, channel, notice, command.attempt(),
                command.succeeded(), command.error(), true, clock.instant()));
    }

    @EventSourcingHandler
    void on(DeliveryQueuedEvent event) {
        this.deliveryId = event.deliveryId();
        this.stakeholderId = event.stakeholderId();
        this.channel = event.channel();
        this.notice = event.notice();
        this.state = DeliveryState.QUEUED;
    }

    @EventSourcingHandler
    void on(DeliveryAttemptedEvent event) {
        if (event.succeeded()) {
            this.state = DeliveryState.DELIVERED;
        } else {
            this.state = event.finalAttempt() ? DeliveryState.DEAD_LETTERED : DeliveryState.FAILED;
        }
    }
}
