package org.circc.triage.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;

import java.time.Instant;
import java.util.List;

/** Score a reported incident and place it in a campaign; {@code reportedAt} is when intake accepted it. */
public record TriageIncidentCommand(
        IncidentId incidentId,
        String reporterOrg,
        Category category,
        Sector sector,
        Tlp tlp,
        Impact impact,
        List<String> affectedAssets,
        List<Observable> observables,
        Instant reportedAt) {

    public TriageIncidentCommand {
        affectedAssets = List.copyOf(affectedAssets);
        observables = List.copyOf(observables);
    }

    @TargetAggregateIdentifier
    public String correlationId() {
        return CampaignCorrelation.ID;
    }
}
