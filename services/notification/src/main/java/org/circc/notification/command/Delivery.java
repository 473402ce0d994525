package org.circc.notification.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One notice to one stakeholder on one channel, with every attempt. Attempts are made by the channels
 * ({@link DeliveryAttemptDueEvent} asks for one); retries and the re-making of attempts lost in a crash are Axon
 * deadlines in the database, so they survive restarts.
 */
@Aggregate
public class Delivery {

    @AggregateIdentifier
    private UUID deliveryId;
    private String stakeholderId;
    private String channel;
    private String address;
    private Notice notice;
    private Instant raisedAt;
    private DeliveryState state;
    private int attempts;
    /** the attempt asked for whose outcome is not recorded yet; 0 for none */
    private int pendingAttempt;
    /** the start of the current round of attempts: the queueing or the last resend */
    private Instant roundStartedAt;
    private int failuresInRound;

    protected Delivery() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Delivery(QueueDeliveryCommand command, Clock clock, RetrySchedule retrySchedule,
                    DeadlineManager deadlineManager) {
        Instant now = clock.instant();
        apply(new DeliveryQueuedEvent(command.deliveryId(), command.stakeholderId(), command.channel(),
                command.address(), command.notice(), command.raisedAt(), now));
        // the aggregate's fields are set once the constructor returns: the first attempt is asked for from the command
        apply(new DeliveryAttemptDueEvent(command.deliveryId(), command.stakeholderId(), command.channel(),
                command.address(), command.notice(), 1, now));
        watchForOutcome(command.deliveryId(), 1, now, retrySchedule, deadlineManager);
    }

    @CommandHandler
    void handle(RecordDeliveryAttemptCommand command, Clock clock, RetrySchedule retrySchedule,
                DeadlineManager deadlineManager) {
        if (command.attempt() != pendingAttempt) {
            return;
        }
        Instant now = clock.instant();
        DeliveryState next = switch (command.outcome()) {
            case DELIVERED -> DeliveryState.DELIVERED;
            case SENT -> DeliveryState.SENT;
            case PERMANENT_FAILURE -> DeliveryState.DEAD_LETTERED;
            case RETRYABLE_FAILURE -> DeliveryState.FAILED;
        };
        Instant nextAttemptAt = null;
        if (next == DeliveryState.FAILED) {
            nextAttemptAt = now.plus(retrySchedule.delayAfter(failuresInRound + 1));
            if (nextAttemptAt.isAfter(roundStartedAt.plus(retrySchedule.giveUpAfter()))) {
                next = DeliveryState.DEAD_LETTERED;
                nextAttemptAt = null;
            }
        }
        apply(new DeliveryAttemptRecordedEvent(deliveryId, stakeholderId, channel, notice, raisedAt, command.attempt(),
                command.outcome(), command.status(), command.error(), command.startedAt(), command.durationMillis(),
                next, nextAttemptAt, now));
        if (nextAttemptAt != null) {
            deadlineManager.schedule(nextAttemptAt, AttemptDeadline.NAME,
                    new AttemptDeadline(AttemptDeadline.Kind.RETRY, attempts + 1));
        }
    }

    @CommandHandler
    void handle(ResendDeliveryCommand command, Clock clock, RetrySchedule retrySchedule,
                DeadlineManager deadlineManager) {
        if (!state.resendable()) {
            throw new DeliveryNotResendable("delivery " + deliveryId + " is " + state
                    + "; only a FAILED or DEAD_LETTERED delivery can be re-sent");
        }
        if (pendingAttempt != 0) {
            // an attempt is already under way: that is what a resend asks for
            return;
        }
        Instant now = clock.instant();
        apply(new DeliveryResendRequestedEvent(deliveryId, command.actor(), now));
        askForAttempt(attempts + 1, now, retrySchedule, deadlineManager);
    }

    @DeadlineHandler(deadlineName = AttemptDeadline.NAME)
    void on(AttemptDeadline deadline, Clock clock, RetrySchedule retrySchedule, DeadlineManager deadlineManager) {
        boolean retryDue = deadline.kind() == AttemptDeadline.Kind.RETRY && state == DeliveryState.FAILED
                && pendingAttempt == 0 && deadline.attempt() == attempts + 1;
        boolean overdue = deadline.kind() == AttemptDeadline.Kind.OVERDUE && pendingAttempt == deadline.attempt();
        if (retryDue || overdue) {
            askForAttempt(deadline.attempt(), clock.instant(), retrySchedule, deadlineManager);
        }
    }

    private void askForAttempt(int attempt, Instant now, RetrySchedule retrySchedule,
                               DeadlineManager deadlineManager) {
        apply(new DeliveryAttemptDueEvent(deliveryId, stakeholderId, channel, address, notice, attempt, now));
        watchForOutcome(deliveryId, attempt, now, retrySchedule, deadlineManager);
    }

    private static void watchForOutcome(UUID deliveryId, int attempt, Instant now, RetrySchedule retrySchedule,
                                        DeadlineManager deadlineManager) {
        // the scope is named, since in the constructor the aggregate does not know its own id yet
        deadlineManager.schedule(now.plus(retrySchedule.attemptOverdueAfter()), AttemptDeadline.NAME,
                new AttemptDeadline(AttemptDeadline.Kind.OVERDUE, attempt),
                new AggregateScopeDescriptor(Delivery.class.getSimpleName(), deliveryId));
    }

    @EventSourcingHandler
    void on(DeliveryQueuedEvent event) {
        this.deliveryId = event.deliveryId();
        this.stakeholderId = event.stakeholderId();
        this.channel = event.channel();
        this.address = event.address();
        this.notice = event.notice();
        this.raisedAt = event.raisedAt();
        this.state = DeliveryState.QUEUED;
        this.roundStartedAt = event.queuedAt();
    }

    @EventSourcingHandler
    void on(DeliveryAttemptDueEvent event) {
        this.pendingAttempt = event.attempt();
    }

    @EventSourcingHandler
    void on(DeliveryAttemptRecordedEvent event) {
        this.attempts = event.attempt();
        this.pendingAttempt = 0;
        this.state = event.state();
        if (event.state() == DeliveryState.FAILED) {
            failuresInRound++;
        }
    }

    @EventSourcingHandler
    void on(DeliveryResendRequestedEvent event) {
        this.roundStartedAt = event.requestedAt();
        this.failuresInRound = 0;
    }
}
