package org.circc.intake.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.IncidentId;
import org.circc.contracts.sharing.Viewer;

/** A principal's lifecycle action with its summary (the reason the transition records). */
public record ResolveIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId, String summary, Viewer requester) {
}
