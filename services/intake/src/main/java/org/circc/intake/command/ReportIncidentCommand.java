package org.circc.intake.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.IncidentId;
import org.circc.contracts.events.Actor;

/** File a new incident; the id is chosen by intake before the command is sent. */
public record ReportIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        IncidentReport report,
        Actor reporter) {
}
