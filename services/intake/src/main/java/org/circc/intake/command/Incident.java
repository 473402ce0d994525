package org.circc.intake.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.circc.contracts.IncidentId;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The incident record: what was reported, by whom, and where it stands in its lifecycle. */
@Aggregate
public class Incident {

    @AggregateIdentifier
    private IncidentId incidentId;

    protected Incident() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Incident(ReportIncidentCommand command, Clock clock) {
        apply(new IncidentReportedEvent(command.incidentId(), command.report(), command.reporter(), clock.instant()));
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent event) {
        this.incidentId = event.incidentId();
    }
}
