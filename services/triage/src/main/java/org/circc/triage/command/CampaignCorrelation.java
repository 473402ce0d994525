package org.circc.triage.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * Correlation of every triaged incident into campaigns, as one event-sourced aggregate: a report may link
 * any campaigns, so the decision needs all of them, and one aggregate makes concurrent arrivals consistent
 * (Axon serialises its commands; appends from another instance conflict and are retried). It is hot by design,
 * so it lives in a cache between commands and is snapshotted (docs/triage.md): a report costs one append, not a
 * reload of the whole history.
 */
@Aggregate(cache = "campaignCorrelationCache", snapshotTriggerDefinition = "campaignCorrelationSnapshots")
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE, setterVisibility = NONE)
public class CampaignCorrelation {

    /** The one aggregate's identifier. */
    public static final String ID = "campaigns";

    @AggregateIdentifier
    private String id = ID;
    private Campaigns campaigns = new Campaigns();

    protected CampaignCorrelation() {
        // created empty by the first command, rebuilt from events or a snapshot otherwise
    }

    /** A redelivered report of a known incident has no further effect. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(TriageIncidentCommand command, SeverityScorer scorer, CorrelationWindow window, Clock clock) {
        campaigns.triage(command, scorer, window.window(), clock.instant(), AggregateLifecycle::apply);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RetriageIncidentCommand command, SeverityScorer scorer, CorrelationWindow window, Clock clock) {
        campaigns.retriage(command, scorer, window.window(), clock.instant(), AggregateLifecycle::apply);
    }

    /** @throws UnknownIncidentException when the incident was never triaged */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OverrideSeverityCommand command, SeverityScorer scorer, Clock clock) {
        campaigns.override(command, scorer, clock.instant(), AggregateLifecycle::apply);
    }

    @EventSourcingHandler
    void on(IncidentTriagedEvent event) {
        campaigns.on(event);
    }

    @EventSourcingHandler
    void on(CampaignMergedEvent event) {
        campaigns.on(event);
    }

    @EventSourcingHandler
    void on(CampaignSeverityChangedEvent event) {
        campaigns.on(event);
    }

    @EventSourcingHandler
    void on(IncidentSeverityOverriddenEvent event) {
        campaigns.on(event);
    }
}
