package org.circc.intake.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.IncidentId;
import org.circc.contracts.sharing.Viewer;

/** The reporting organisation takes its report back. */
public record WithdrawIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId, String reason, Viewer requester) {
}
