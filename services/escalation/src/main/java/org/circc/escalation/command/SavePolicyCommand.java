package org.circc.escalation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.events.Actor;

/**
 * Save {@code policy}'s rules as its next version (its own version is ignored). A seed only creates a policy that
 * does not exist; saving the rules a policy already has changes nothing. Answers a {@link PolicySaveOutcome}.
 */
public record SavePolicyCommand(EscalationPolicy policy, Actor actor, boolean seed) {

    @TargetAggregateIdentifier
    public String aggregateIdentifier() {
        return PolicyVersions.aggregateIdentifierOf(policy.id());
    }
}
