package org.circc.triage.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Severity;
import org.circc.contracts.events.Actor;

/** A coordinator sets an incident's severity, with a reason; automatic scoring never undoes it. */
public record OverrideSeverityCommand(IncidentId incidentId, Severity severity, String reason, Actor actor) {

    @TargetAggregateIdentifier
    public String correlationId() {
        return CampaignCorrelation.ID;
    }
}
