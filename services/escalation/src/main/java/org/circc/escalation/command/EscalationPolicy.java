package org.circc.escalation.command;

import org.circc.contracts.Sector;
import org.circc.contracts.Severity;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a policy: which campaigns it applies to, and its levels in order (numbered from 1). A running
 * chain keeps the version it started with: the whole policy travels in its {@code EscalationStartedEvent}.
 */
public record EscalationPolicy(String id, long version, int minSeverity, List<String> sectors, List<Level> levels) {

    /** @param minSeverity null, or the severity level (0..5) at which this level is raised at once */
    public record Level(int level, List<String> targets, Duration ackWithin, Integer minSeverity) {

        public Level {
            targets = List.copyOf(targets);
        }

        public Level(int level, List<String> targets, Duration ackWithin) {
            this(level, targets, ackWithin, null);
        }
    }

    public EscalationPolicy {
        sectors = List.copyOf(sectors);
        levels = List.copyOf(levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("policy " + id + " has no levels");
        }
    }

    /** api.md "Which policy": it names one of the campaign's sectors (or none), and the severity reached its minimum. */
    public boolean appliesTo(Severity severity, Set<Sector> campaignSectors) {
        boolean sectorMatches = sectors.isEmpty()
                || campaignSectors.stream().anyMatch(sector -> sectors.contains(sector.slug()));
        return sectorMatches && severity.level() >= minSeverity;
    }

    public Level level(int number) {
        return levels.get(number - 1);
    }

    public boolean isLastLevel(int number) {
        return number == levels.size();
    }

    /** The highest level after {@code current} whose own minimum the severity reaches: api.md's jump. */
    public Optional<Level> levelReachedAfter(int current, Severity severity) {
        return levels.stream()
                .filter(level -> level.level() > current && level.minSeverity() != null
                        && severity.level() >= level.minSeverity())
                .reduce((lower, higher) -> higher);
    }

    /** Every stakeholder any level names, in level order. */
    public Set<String> targetedStakeholders() {
        Set<String> targets = new LinkedHashSet<>();
        levels.forEach(level -> targets.addAll(level.targets()));
        return targets;
    }

    public EscalationPolicy withVersion(long newVersion) {
        return new EscalationPolicy(id, newVersion, minSeverity, sectors, levels);
    }

    /** The same rules whatever the version: saving it again changes nothing. */
    public boolean sameRulesAs(EscalationPolicy other) {
        return withVersion(0).equals(other.withVersion(0));
    }
}
