package org.circc.triage.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;

import java.util.List;

/** Score an incident again after an update: observables it gained (may correlate) and its new impact (null: unchanged). */
public record RetriageIncidentCommand(IncidentId incidentId, List<Observable> addedObservables, Impact impact) {

    public RetriageIncidentCommand {
        addedObservables = List.copyOf(addedObservables);
    }

    @TargetAggregateIdentifier
    public String correlationId() {
        return CampaignCorrelation.ID;
    }
}
