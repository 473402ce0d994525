package org.circc.triage.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Clock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Triage's view of one incident: its score and its campaign. A lone incident is a campaign of one; correlation
 * of reports into shared campaigns comes with the correlation work (issue 4).
 */
@Aggregate
public class TriageCase {

    @AggregateIdentifier
    private IncidentId incidentId;

    protected TriageCase() {
        // for Axon: rebuilt from its events
    }

    /** Triage happens once per incident: a repeated command on an existing case has no further effect. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(TriageIncidentCommand command, SeverityScorer scorer, Clock clock) {
        if (incidentId != null) {
            return;
        }
        SeverityAssessment assessment = scorer.assess(command.impact(), command.sector(), command.category());
        apply(new IncidentTriagedEvent(command.incidentId(), CampaignId.newId(), assessment, command.sector(),
                command.tlp(), clock.instant()));
    }

    @EventSourcingHandler
    void on(IncidentTriagedEvent event) {
        this.incidentId = event.incidentId();
    }
}
