package org.circc.escalation.config;

import org.circc.escalation.command.EscalationPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The seeded policies, {@code circc.escalation.policies.<id>}: version 1 of each unless it exists. */
@ConfigurationProperties("circc.escalation")
public record PolicyProperties(Map<String, Policy> policies) {

    public record Policy(int minSeverity, List<String> sectors, List<Level> levels) {
    }

    /** @param minSeverity null, or the severity (0..5) at which the level is raised at once */
    public record Level(List<String> targets, Duration ackWithin, Integer minSeverity) {
    }

    public List<EscalationPolicy> toPolicies() {
        return (policies == null ? Map.<String, Policy>of() : policies).entrySet().stream()
                .map(entry -> {
                    Policy policy = entry.getValue();
                    List<EscalationPolicy.Level> levels = new ArrayList<>();
                    for (int i = 0; i < policy.levels().size(); i++) {
                        Level level = policy.levels().get(i);
                        levels.add(new EscalationPolicy.Level(i + 1, level.targets(), level.ackWithin(), level.minSeverity()));
                    }
                    return new EscalationPolicy(entry.getKey(), 1, policy.minSeverity(),
                            policy.sectors() == null ? List.of() : policy.sectors(), levels);
                })
                .toList();
    }
}
