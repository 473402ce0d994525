package org.circc.escalation.command;

import org.circc.contracts.Sector;
import org.circc.contracts.Severity;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Which campaigns a policy applies to, and its levels in order. A running chain keeps the version it started with. */
public record EscalationPolicy(String id, long version, int minSeverity, List<String> sectors, List<Level> levels) {

    public record Level(int level, List<String> targets, Duration ackWithin) {

        public Level {
            targets = List.copyOf(targets);
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
}
