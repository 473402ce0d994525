package org.circc.contracts.events;

import java.time.Instant;
import java.util.Set;

/**
 * v1 — an escalation policy was created or replaced; new escalations use {@code version}, running ones keep
 * theirs. {@code targets} are the stakeholder ids any of its levels names, so the directory can refuse to
 * remove a stakeholder a policy still targets.
 */
public record EscalationPolicySavedEvent(
        String policyId,
        long version,
        Set<String> targets,
        Actor actor,
        Instant occurredAt) implements IntegrationEvent {

    public EscalationPolicySavedEvent {
        targets = Set.copyOf(targets);
    }

    @Override
    public String subject() {
        return "policy:" + policyId;
    }
}
