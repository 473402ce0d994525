package org.circc.intake.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.IncidentId;
import org.circc.contracts.events.Actor;

/** System-driven, from another service's integration event: a no-op when the incident is already further along. */
public record MarkIncidentAcknowledgedCommand(@TargetAggregateIdentifier IncidentId incidentId, String reason, Actor actor) {
}
