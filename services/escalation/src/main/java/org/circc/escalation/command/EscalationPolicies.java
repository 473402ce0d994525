package org.circc.escalation.command;

import org.circc.contracts.Sector;
import org.circc.contracts.Severity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The current version of every policy, and api.md's choice among them. */
public record EscalationPolicies(List<EscalationPolicy> policies) {

    /** Of the applicable policies: one naming a sector beats one naming none, then the higher minimum, then the smaller id. */
    private static final Comparator<EscalationPolicy> PRECEDENCE = Comparator
            .comparing((EscalationPolicy policy) -> policy.sectors().isEmpty())
            .thenComparing(EscalationPolicy::minSeverity, Comparator.reverseOrder())
            .thenComparing(EscalationPolicy::id);

    public EscalationPolicies {
        policies = List.copyOf(policies);
    }

    public Optional<EscalationPolicy> choose(Severity severity, Set<Sector> sectors) {
        return policies.stream().filter(policy -> policy.appliesTo(severity, sectors)).min(PRECEDENCE);
    }
}
