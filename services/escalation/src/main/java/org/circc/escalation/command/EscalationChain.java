package org.circc.escalation.command;

import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Where a running chain stands: what a merge hands from the merged-away campaign to the surviving one.
 *
 * @param raisedTargets every stakeholder targeted by a level raised so far (AMBER need-to-know)
 * @param nextDeadline  when the current level's ackWithin (or the next reminder) passes; null once acknowledged
 */
public record EscalationChain(
        EscalationPolicy policy,
        IncidentId incidentId,
        Severity severity,
        Sector sector,
        Tlp tlp,
        int level,
        Set<String> raisedTargets,
        Instant nextDeadline,
        boolean acknowledged,
        boolean exhausted,
        Instant startedAt) {

    public EscalationChain {
        raisedTargets = Set.copyOf(raisedTargets);
    }

    /** api.md "merges": acknowledged beats unacknowledged, then the higher level (an exhausted one beats its level). */
    public boolean isMoreAdvancedThan(EscalationChain other) {
        if (acknowledged != other.acknowledged) {
            return acknowledged;
        }
        if (level != other.level) {
            return level > other.level;
        }
        return exhausted && !other.exhausted;
    }

    public List<String> currentTargets() {
        return policy.level(level).targets();
    }
}
