package org.circc.triage.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;

/** Score a reported incident and open its triage case. */
public record TriageIncidentCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        Category category,
        Sector sector,
        Tlp tlp,
        Impact impact) {
}
