package org.circc.escalation.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.sharing.IncidentVisibility;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A campaign's escalation chain (a lone incident is a campaign of one). Each level raised schedules a persistent
 * deadline (db-scheduler in PostgreSQL), so a level whose targets do not acknowledge in time raises the next one
 * whatever restarted in between. Commands and deadlines of one chain are handled one at a time against its latest
 * events, so a deadline handled after an acknowledgement sees it and raises nothing.
 */
@Aggregate
public class Escalation {

    @AggregateIdentifier
    private CampaignId campaignId;
    private EscalationPolicy policy;
    private IncidentId incidentId;
    private Severity severity;
    private Sector sector;
    private Tlp tlp;
    private int level;
    private final Set<String> raisedTargets = new HashSet<>();
    private Instant ackDeadline;
    private Instant nextDeadline;
    private EscalationChain.Acknowledgement acknowledgement;
    private boolean exhausted;
    private boolean ended;
    private CampaignId mergedInto;
    private Instant startedAt;

    protected Escalation() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartEscalationCommand command, DeadlineManager deadlineManager, Clock clock) {
        if (campaignId != null) {
            return;
        }
        Instant now = now(clock);
        apply(new EscalationStartedEvent(command.campaignId(), command.incidentId(), command.policy(),
                command.severity(), command.sector(), command.tlp(), now));
        String reason = "severity " + command.severity().displayName() + " reached policy " + command.policy().id();
        EscalationPolicy.Level first = policy.levelReachedAfter(1, severity).orElse(policy.level(1));
        raiseLevel(first.level(), reason, now, deadlineManager);
    }

    @CommandHandler
    void handle(ChangeEscalationSeverityCommand command, DeadlineManager deadlineManager, Clock clock) {
        if (ended || (command.severity() == severity && command.tlp() == tlp)) {
            return;
        }
        Instant now = now(clock);
        apply(new EscalationSeverityChangedEvent(campaignId, command.incidentId(), command.severity(), command.tlp(),
                now));
        raiseLevelReachedBySeverity(now, deadlineManager);
    }

    @CommandHandler
    void handle(AcknowledgeEscalationCommand command, StakeholderDirectory directory, Clock clock) {
        if (mergedInto != null) {
            throw new EscalationMergedException(campaignId, mergedInto);
        }
        if (!IncidentVisibility.maySeeDetails(command.viewer(),
                command.incident().facts(directory, raisedTargets, policy.level(level).targets()))) {
            throw new IncidentNotVisibleException(command.incidentId());
        }
        boolean targeted = directory.find(policy.level(level).targets()).stream()
                .anyMatch(stakeholder -> command.viewer().principal().equals(stakeholder.principal()));
        if (!targeted && !command.viewer().coordinatorOrAdmin()) {
            throw new AcknowledgementForbiddenException(command.viewer().principal()
                    + " is not linked to a stakeholder targeted at level " + level + " of this escalation");
        }
        if (ended) {
            throw new EscalationNotRunningException("the escalation of campaign " + campaignId + " has ended");
        }
        if (acknowledgement != null) {
            return;
        }
        apply(new EscalationAcknowledgedEvent(campaignId, command.incidentId(), level, command.note(), command.actor(),
                severity, startedAt, now(clock)));
    }

    @CommandHandler
    void handle(EndEscalationCommand command, Clock clock) {
        if (!ended) {
            apply(new EscalationEndedEvent(campaignId, incidentId, command.reason(), null, now(clock)));
        }
    }

    @CommandHandler
    EscalationChain handle(HandOverEscalationCommand command, Clock clock) {
        if (ended) {
            return null;
        }
        EscalationChain chain = chain();
        apply(new EscalationEndedEvent(campaignId, incidentId, "campaign merged into " + command.survivorId(),
                command.survivorId(), now(clock)));
        return chain;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CampaignId handle(TakeOverEscalationCommand command, DeadlineManager deadlineManager, Clock clock) {
        if (mergedInto != null) {
            return mergedInto; // an ended chain is never revived: the campaign's chain continues where it merged
        }
        boolean running = campaignId != null && !ended;
        if (running && !command.chain().isMoreAdvancedThan(chain())) {
            return campaignId;
        }
        EscalationChain adopted = command.chain();
        if (campaignId != null) {
            adopted = adopted.joinedWith(severity, tlp, raisedTargets);
        }
        if (command.survivorSeverity() != null && command.survivorTlp() != null) {
            adopted = adopted.joinedWith(command.survivorSeverity(), command.survivorTlp(), Set.of());
        }
        Instant now = now(clock);
        apply(new EscalationTakenOverEvent(command.campaignId(), command.fromCampaignId(), adopted, running, now));
        if (nextDeadline != null) {
            deadlineManager.schedule(nextDeadline, AcknowledgementDeadline.NAME,
                    new AcknowledgementDeadline(level, nextDeadline));
        }
        raiseLevelReachedBySeverity(now, deadlineManager);
        return campaignId;
    }

    @DeadlineHandler(deadlineName = AcknowledgementDeadline.NAME)
    void on(AcknowledgementDeadline deadline, DeadlineManager deadlineManager, Clock clock) {
        if (ended || acknowledgement != null || deadline.level() != level || !deadline.due().equals(nextDeadline)) {
            return;
        }
        Instant now = now(clock);
        if (exhausted) {
            remind(now, deadlineManager);
        } else if (policy.isLastLevel(level)) {
            apply(new EscalationExhaustedEvent(campaignId, incidentId, level, now));
            remind(now, deadlineManager);
        } else {
            raiseLevel(level + 1, "level " + level + " not acknowledged in time", now, deadlineManager);
        }
    }

    /** api.md's jump: an unacknowledged chain whose severity reaches a later level's minimum raises it at once. */
    private void raiseLevelReachedBySeverity(Instant now, DeadlineManager deadlineManager) {
        if (acknowledgement == null) {
            policy.levelReachedAfter(level, severity).ifPresent(jump -> raiseLevel(jump.level(),
                    "severity " + severity.displayName() + " reached level " + jump.level(), now, deadlineManager));
        }
    }

    private void raiseLevel(int number, String reason, Instant now, DeadlineManager deadlineManager) {
        EscalationPolicy.Level definition = policy.level(number);
        Instant ackDeadline = now.plus(definition.ackWithin());
        apply(new EscalationLevelRaisedEvent(campaignId, incidentId, number, definition.targets(), ackDeadline,
                severity, sector, tlp, reason, now));
        deadlineManager.schedule(ackDeadline, AcknowledgementDeadline.NAME,
                new AcknowledgementDeadline(number, ackDeadline));
    }

    /** The last level is told again every ackWithin until someone acknowledges; the first time is at exhaustion. */
    private void remind(Instant now, DeadlineManager deadlineManager) {
        EscalationPolicy.Level last = policy.level(level);
        Instant next = now.plus(last.ackWithin());
        apply(new EscalationRemindedEvent(campaignId, incidentId, level, last.targets(), next, severity, sector, tlp,
                now));
        deadlineManager.schedule(next, AcknowledgementDeadline.NAME, new AcknowledgementDeadline(level, next));
    }

    private EscalationChain chain() {
        return new EscalationChain(policy, incidentId, severity, sector, tlp, level, raisedTargets, ackDeadline,
                nextDeadline, acknowledgement, exhausted, startedAt);
    }

    /** Milliseconds, as the serialised events and deadlines keep them, so a deadline's due equals the stored one. */
    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @EventSourcingHandler
    void on(EscalationStartedEvent event) {
        this.campaignId = event.campaignId();
        this.policy = event.policy();
        this.incidentId = event.incidentId();
        this.severity = event.severity();
        this.sector = event.sector();
        this.tlp = event.tlp();
        this.startedAt = event.startedAt();
    }

    @EventSourcingHandler
    void on(EscalationLevelRaisedEvent event) {
        this.level = event.level();
        this.incidentId = event.incidentId();
        this.raisedTargets.addAll(event.targets());
        this.ackDeadline = event.ackDeadline();
        this.nextDeadline = event.ackDeadline();
    }

    @EventSourcingHandler
    void on(EscalationSeverityChangedEvent event) {
        this.severity = event.severity();
        this.tlp = event.tlp();
        this.incidentId = event.incidentId();
    }

    @EventSourcingHandler
    void on(EscalationExhaustedEvent event) {
        this.exhausted = true;
    }

    @EventSourcingHandler
    void on(EscalationRemindedEvent event) {
        this.nextDeadline = event.nextReminderAt();
    }

    @EventSourcingHandler
    void on(EscalationAcknowledgedEvent event) {
        this.acknowledgement = new EscalationChain.Acknowledgement(event.actor(), event.note(), event.acknowledgedAt());
        this.nextDeadline = null;
    }

    @EventSourcingHandler
    void on(EscalationEndedEvent event) {
        this.ended = true;
        this.mergedInto = event.mergedInto();
        this.nextDeadline = null;
    }

    @EventSourcingHandler
    void on(EscalationTakenOverEvent event) {
        EscalationChain chain = event.chain();
        this.campaignId = event.campaignId();
        this.policy = chain.policy();
        this.incidentId = chain.incidentId();
        this.severity = chain.severity();
        this.sector = chain.sector();
        this.tlp = chain.tlp();
        this.level = chain.level();
        this.raisedTargets.clear();
        this.raisedTargets.addAll(chain.raisedTargets());
        this.ackDeadline = chain.ackDeadline();
        this.nextDeadline = chain.acknowledged() ? null : chain.nextDeadline();
        this.acknowledgement = chain.acknowledgement();
        this.exhausted = chain.exhausted();
        this.ended = false;
        this.startedAt = chain.startedAt();
    }
}
