package org.circc.timeline.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.CampaignMergedEvent;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationEndedEvent;
import org.circc.contracts.events.EscalationExhaustedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationRemindedEvent;
import org.circc.contracts.events.EscalationStartedEvent;
import org.circc.contracts.events.IntegrationEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A campaign as its bucket tells it: members (with when they joined), severity, merges, and its one escalation
 * chain, which every member's view follows (api.md). The pure fold of the bucket's events and members.
 */
public record CampaignState(
        CampaignId campaignId,
        List<IncidentId> incidentIds,
        Severity severity,
        Set<Sector> sectors,
        Tlp tlp,
        Instant firstSeen,
        Instant lastSeen,
        Chain chain,
        CampaignId mergedInto) {

    public enum ChainState { NONE, ACTIVE, ACKNOWLEDGED, EXHAUSTED, ENDED }

    /**
     * The escalation chain. {@code everTargeted}: every stakeholder any raised level named (need-to-know for
     * AMBER); {@code currentTargets}: the current level's (RED); {@code acknowledgedAt}: when it was first
     * acknowledged, kept after it ended; {@code updatedAt}: its last step.
     */
    public record Chain(int level, ChainState state, Instant ackDeadline, Set<String> everTargeted,
                        List<String> currentTargets, boolean raised, Instant acknowledgedAt, Instant updatedAt) {

        public static final Chain NONE = new Chain(0, ChainState.NONE, null, Set.of(), List.of(), false, null, null);
    }

    /** An incident that joined the campaign (triaged into it, correlated with it, or moved into it by a merge). */
    public record Member(IncidentId incidentId, Instant at) {
    }

    /** Folds a campaign's events and members up to {@code asOf} (inclusive; null for all). */
    public static CampaignState fold(CampaignId campaignId, List<RecordedEvent> events, List<Member> members,
                                     Instant asOf) {
        Builder state = new Builder(campaignId);
        members.stream()
                .filter(member -> asOf == null || !member.at().isAfter(asOf))
                .sorted(Comparator.comparing(Member::at).thenComparing(Member::incidentId))
                .forEach(member -> state.join(member.incidentId(), member.at()));
        RecordedEvent.upTo(events, asOf).forEach(recorded -> state.apply(recorded.event()));
        return state.build();
    }

    /** Only the chain, which is all an incident's view needs of its campaign. */
    public static Chain chain(CampaignId campaignId, List<RecordedEvent> events, Instant asOf) {
        return fold(campaignId, events, List.of(), asOf).chain();
    }

    public int reportCount() {
        return incidentIds.size();
    }

    private static final class Builder {
        private final CampaignId campaignId;
        private final Set<IncidentId> members = new LinkedHashSet<>();
        private Severity severity;
        private Set<Sector> sectors = Set.of();
        private Tlp tlp;
        private Instant firstSeen;
        private Instant lastSeen;
        private CampaignId mergedInto;
        private int level;
        private ChainState chainState = ChainState.NONE;
        private Instant ackDeadline;
        private final Set<String> everTargeted = new TreeSet<>();
        private List<String> currentTargets = List.of();
        private boolean raised;
        private Instant acknowledgedAt;
        private Instant chainUpdatedAt;

        Builder(CampaignId campaignId) {
            this.campaignId = campaignId;
        }

        void apply(IntegrationEvent event) {
            if (event instanceof CampaignSeverityChangedEvent e) {
                severity = e.severity();
                sectors = e.sectors();
                tlp = e.tlp();
            } else if (event instanceof CampaignMergedEvent e) {
                if (campaignId.equals(e.mergedCampaignId())) {
                    mergedInto = e.campaignId();
                }
            } else {
                // the rest of a campaign's bucket is its escalation chain
                applyEscalation(event);
                chainUpdatedAt = event.occurredAt();
            }
        }

        private void applyEscalation(IntegrationEvent event) {
            if (event instanceof EscalationStartedEvent) {
                if (chainState == ChainState.ENDED) {
                    level = 0;
                    ackDeadline = null;
                    currentTargets = List.of();
                    acknowledgedAt = null;
                }
                chainState = ChainState.ACTIVE;
            } else if (event instanceof EscalationLevelRaisedEvent e) {
                level = e.level();
                ackDeadline = e.ackDeadline();
                currentTargets = e.targets();
                everTargeted.addAll(e.targets());
                raised = true;
                chainState = ChainState.ACTIVE;
            } else if (event instanceof EscalationAcknowledgedEvent e) {
                chainState = ChainState.ACKNOWLEDGED;
                ackDeadline = null;
                if (acknowledgedAt == null) {
                    acknowledgedAt = e.occurredAt();
                }
            } else if (event instanceof EscalationExhaustedEvent e && chainState != ChainState.ACKNOWLEDGED) {
                chainState = ChainState.EXHAUSTED;
                level = e.level();
            } else if (event instanceof EscalationRemindedEvent e && chainState != ChainState.ACKNOWLEDGED
                    && chainState != ChainState.ENDED) {
                // a reminder is only sent by an exhausted chain, whichever of the two sorts first at the same instant
                chainState = ChainState.EXHAUSTED;
                level = e.level();
                ackDeadline = e.nextReminderAt();
                currentTargets = e.targets();
                everTargeted.addAll(e.targets());
            } else if (event instanceof EscalationEndedEvent) {
                chainState = ChainState.ENDED;
                ackDeadline = null;
            }
        }

        void join(IncidentId incidentId, Instant at) {
            if (!members.add(incidentId)) {
                return;
            }
            if (firstSeen == null) {
                firstSeen = at;
            }
            lastSeen = at;
        }

        CampaignState build() {
            return new CampaignState(campaignId, new ArrayList<>(members), severity, sectors, tlp, firstSeen, lastSeen,
                    new Chain(level, chainState, ackDeadline, Set.copyOf(everTargeted), currentTargets, raised,
                            acknowledgedAt, chainUpdatedAt),
                    mergedInto);
        }
    }
}
