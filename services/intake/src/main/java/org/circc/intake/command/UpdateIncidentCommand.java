package org.circc.intake.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.sharing.Viewer;

import java.util.List;

/** Add a note, observables (merged without duplicates) and optionally a new impact ({@code null}: unchanged). */
public record UpdateIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId, String note,
                                    List<Observable> observables, Impact impact, Viewer requester) {

    public UpdateIncidentCommand {
        observables = List.copyOf(observables);
    }
}
