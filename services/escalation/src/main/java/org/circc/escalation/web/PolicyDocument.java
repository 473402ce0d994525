package org.circc.escalation.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.circc.escalation.command.EscalationPolicy;

import java.util.List;

/** A policy as api.md writes it, in requests and responses; {@code version} is only in responses. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyDocument(String id, Long version, AppliesTo appliesTo, List<LevelDocument> levels) {

    public record AppliesTo(Integer minSeverity, List<String> sectors) {
    }

    /** {@code ackWithin} is an ISO-8601 duration such as {@code PT5M}. */
    public record LevelDocument(Integer level, List<String> targets, String ackWithin, Integer minSeverity) {
    }

    public static PolicyDocument of(EscalationPolicy policy) {
        return new PolicyDocument(policy.id(), policy.version(),
                new AppliesTo(policy.minSeverity(), policy.sectors()),
                policy.levels().stream()
                        .map(level -> new LevelDocument(level.level(), level.targets(), level.ackWithin().toString(),
                                level.minSeverity()))
                        .toList());
    }
}
