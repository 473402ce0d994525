package org.circc.escalation.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The versions of one escalation policy, numbered from 1. Its aggregate id is {@code policy:<id>}, so a policy slug
 * can never collide with a campaign's UUID in the event store.
 */
@Aggregate
public class PolicyVersions {

    @AggregateIdentifier
    private String aggregateIdentifier;
    private EscalationPolicy current;

    protected PolicyVersions() {
        // for Axon: rebuilt from its events
    }

    public static String aggregateIdentifierOf(String policyId) {
        return "policy:" + policyId;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PolicySaveOutcome handle(SavePolicyCommand command, Clock clock) {
        if (current != null && (command.seed() || current.sameRulesAs(command.policy()))) {
            return PolicySaveOutcome.UNCHANGED;
        }
        PolicySaveOutcome outcome = current == null ? PolicySaveOutcome.CREATED : PolicySaveOutcome.REPLACED;
        long version = current == null ? 1 : current.version() + 1;
        apply(new EscalationPolicySavedEvent(command.policy().withVersion(version), command.actor(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return outcome;
    }

    @EventSourcingHandler
    void on(EscalationPolicySavedEvent event) {
        this.aggregateIdentifier = aggregateIdentifierOf(event.policy().id());
        this.current = event.policy();
    }
}
