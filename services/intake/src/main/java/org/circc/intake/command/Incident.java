package org.circc.intake.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.sharing.IncidentVisibility;
import org.circc.contracts.sharing.Viewer;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The incident record: what was reported, by whom, and where it stands in its lifecycle (api.md "Lifecycle").
 * Principals' commands are checked here, in this order: visibility (TLP table; else
 * {@link IncidentNotVisibleException}), the right to act ({@link IncidentActionForbiddenException}), the state
 * (a repeat whose effect already holds is a no-op, a forbidden move an {@link IllegalIncidentTransitionException}).
 */
@Aggregate
public class Incident {

    /** The order of the lifecycle for system-driven moves: a status further along is never moved back. */
    private static final List<IncidentStatus> PROGRESS = List.of(IncidentStatus.REPORTED, IncidentStatus.TRIAGED,
            IncidentStatus.ESCALATED, IncidentStatus.ACKNOWLEDGED, IncidentStatus.CONTAINED, IncidentStatus.RESOLVED,
            IncidentStatus.CLOSED);

    @AggregateIdentifier
    private IncidentId incidentId;
    private String reporterOrganisation;
    private Tlp tlp;
    private Sector sector;
    private IncidentStatus status;
    private Impact impact;
    private final Set<Observable> observables = new LinkedHashSet<>();

    protected Incident() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Incident(ReportIncidentCommand command, Clock clock) {
        apply(new IncidentReportedEvent(command.incidentId(), command.report(), command.reporter(), clock.instant()));
    }

    @CommandHandler
    void handle(UpdateIncidentCommand command, Clock clock, NeedToKnow needToKnow) {
        Viewer requester = command.requester();
        requireVisible(requester, needToKnow);
        if (!requester.isCenterCoordinator() && !requester.organisation().equals(reporterOrganisation)) {
            throw new IncidentActionForbiddenException("only operators of the reporting organisation and the center's "
                    + "coordinators may update incident " + incidentId);
        }
        requireAllowed(IncidentAction.UPDATE);
        List<Observable> added = command.observables().stream().distinct().filter(o -> !observables.contains(o)).toList();
        Impact changedImpact = command.impact() == null || command.impact().equals(impact) ? null : command.impact();
        apply(new IncidentUpdatedEvent(incidentId, command.note(), added, changedImpact, actorOf(requester),
                clock.instant()));
    }

    @CommandHandler
    void handle(WithdrawIncidentCommand command, Clock clock, NeedToKnow needToKnow) {
        requireVisible(command.requester(), needToKnow);
        if (!command.requester().organisation().equals(reporterOrganisation)) {
            throw new IncidentActionForbiddenException("only operators of the reporting organisation may withdraw incident "
                    + incidentId);
        }
        transition(IncidentAction.WITHDRAW, command.reason(), command.requester(), clock);
    }

    @CommandHandler
    void handle(ContainIncidentCommand command, Clock clock, NeedToKnow needToKnow) {
        requireVisible(command.requester(), needToKnow);
        transition(IncidentAction.CONTAIN, command.summary(), command.requester(), clock);
    }

    @CommandHandler
    void handle(ResolveIncidentCommand command, Clock clock, NeedToKnow needToKnow) {
        requireVisible(command.requester(), needToKnow);
        transition(IncidentAction.RESOLVE, command.summary(), command.requester(), clock);
    }

    @CommandHandler
    void handle(CloseIncidentCommand command, Clock clock, NeedToKnow needToKnow) {
        requireVisible(command.requester(), needToKnow);
        transition(IncidentAction.CLOSE, command.summary(), command.requester(), clock);
    }

    @CommandHandler
    void handle(MarkIncidentTriagedCommand command, Clock clock) {
        advance(IncidentStatus.TRIAGED, command.reason(), command.actor(), clock);
    }

    @CommandHandler
    void handle(MarkIncidentEscalatedCommand command, Clock clock) {
        advance(IncidentStatus.ESCALATED, command.reason(), command.actor(), clock);
    }

    @CommandHandler
    void handle(MarkIncidentAcknowledgedCommand command, Clock clock) {
        advance(IncidentStatus.ACKNOWLEDGED, command.reason(), command.actor(), clock);
    }

    private void requireVisible(Viewer requester, NeedToKnow needToKnow) {
        if (!IncidentVisibility.maySeeDetails(requester, needToKnow.factsOf(incidentId, reporterOrganisation, tlp, sector))) {
            throw new IncidentNotVisibleException(incidentId);
        }
    }

    private void requireAllowed(IncidentAction action) {
        if (!action.isAllowedFrom(status)) {
            throw new IllegalIncidentTransitionException("incident " + incidentId + " is " + status + "; "
                    + (action == IncidentAction.UPDATE ? "updates are" : action.verb() + " is")
                    + " allowed while " + action.describeAllowed());
        }
    }

    /** A principal's action: a no-op when its effect already holds. */
    private void transition(IncidentAction action, String reason, Viewer requester, Clock clock) {
        if (status == action.target()) {
            return;
        }
        requireAllowed(action);
        apply(new IncidentStatusChangedEvent(incidentId, status, action.target(), reason, actorOf(requester),
                clock.instant()));
    }

    /**
     * A move reported by another service (triage, escalation). Kafka topics are not ordered with each other, so
     * a later stage may arrive before an earlier one: the incident moves forward to it; a status further along,
     * a repeat or a withdrawn incident makes it a no-op.
     */
    private void advance(IncidentStatus to, String reason, Actor actor, Clock clock) {
        if (status == IncidentStatus.WITHDRAWN || PROGRESS.indexOf(status) >= PROGRESS.indexOf(to)) {
            return;
        }
        apply(new IncidentStatusChangedEvent(incidentId, status, to, reason, actor, clock.instant()));
    }

    private static Actor actorOf(Viewer requester) {
        return Actor.principal(requester.principal(), requester.organisation());
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event) {
        this.incidentId = event.incidentId();
        this.reporterOrganisation = event.reporter().organisation();
        this.tlp = event.report().tlp();
        this.sector = event.report().sector();
        this.impact = event.report().impact();
        this.observables.addAll(event.report().observables());
        this.status = IncidentStatus.REPORTED;
    }

    @EventSourcingHandler
    void on(IncidentUpdatedEvent event) {
        observables.addAll(event.addedObservables());
        if (event.impact() != null) {
            impact = event.impact();
        }
    }

    @EventSourcingHandler
    void on(IncidentStatusChangedEvent event) {
        status = event.to();
    }
}
