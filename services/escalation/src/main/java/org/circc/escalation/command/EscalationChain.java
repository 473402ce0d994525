package org.circc.escalation.command;

import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a running chain stands: what a merge hands from the merged-away campaign to the surviving one.
 *
 * @param raisedTargets   every stakeholder targeted by a level raised so far (AMBER need-to-know)
 * @param ackDeadline     when the current level was to be acknowledged by, as raised
 * @param nextDeadline    when the current level's ackWithin (or the next reminder) passes; null once acknowledged
 * @param acknowledgement who acknowledged the chain, or null while nobody has
 */
public record EscalationChain(
        EscalationPolicy policy,
        IncidentId incidentId,
        Severity severity,
        Sector sector,
        Tlp tlp,
        int level,
        Set<String> raisedTargets,
        Instant ackDeadline,
        Instant nextDeadline,
        Acknowledgement acknowledgement,
        boolean exhausted,
        Instant startedAt) {

    /** What an acknowledgement said, so the campaign adopting the chain can tell it again. */
    public record Acknowledgement(Actor actor, String note, Instant acknowledgedAt) {
    }

    public EscalationChain {
        raisedTargets = Set.copyOf(raisedTargets);
    }

    public boolean acknowledged() {
        return acknowledgement != null;
    }

    /** api.md "merges": acknowledged beats unacknowledged, then the higher level (an exhausted one beats its level). */
    public boolean isMoreAdvancedThan(EscalationChain other) {
        if (acknowledged() != other.acknowledged()) {
            return acknowledged();
        }
        if (level != other.level) {
            return level > other.level;
        }
        return exhausted && !other.exhausted;
    }

    /**
     * This chain as the surviving campaign runs it: the higher severity, the more restrictive label, and everyone
     * either campaign targeted, so nobody who was told about a member loses sight of it.
     */
    public EscalationChain joinedWith(Severity otherSeverity, Tlp otherTlp, Set<String> otherTargets) {
        Set<String> targets = new HashSet<>(raisedTargets);
        targets.addAll(otherTargets);
        return new EscalationChain(policy, incidentId, Severity.max(severity, otherSeverity), sector,
                otherTlp.isMoreRestrictiveThan(tlp) ? otherTlp : tlp, level, targets, ackDeadline, nextDeadline,
                acknowledgement, exhausted, startedAt);
    }

    public List<String> currentTargets() {
        return policy.level(level).targets();
    }
}
