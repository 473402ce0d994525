package org.circc.timeline.query;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.events.CampaignMergedEvent;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationEndedEvent;
import org.circc.contracts.events.EscalationExhaustedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationRemindedEvent;
import org.circc.contracts.events.EscalationStartedEvent;
import org.circc.contracts.events.IncidentCorrelatedEvent;
import org.circc.contracts.events.IncidentEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.StakeholderChangedEvent;
import org.circc.contracts.events.StakeholderRegisteredEvent;
import org.circc.contracts.events.StakeholderRemovedEvent;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

/**
 * Projects one event into one generation of the read models: records it in its incident's bucket (and, for a
 * merge, in the moved incidents'), in its campaign's bucket when it concerns the campaign, in the replay log when it
 * is a timeline entry; then recomputes the views it changes by folding the buckets, the same fold {@code
 * state?asOf} uses. A chain event changes every member's view. Idempotent: appends are keyed by event id and
 * views are recomputed from the buckets. Blocking, for the Kafka consumer threads.
 */
public class ReadModelProjector {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int LOCK_STRIPES = 64;
    private static final int CONCURRENT_FOLDS = 8;

    private final TimelineEntryFactory entries;
    private final MeterRegistry meterRegistry;
    // the topics are consumed on several threads: two events of one incident must not recompute its view at once,
    // or the slower one could store a view that misses the other's event
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    /** @param meterRegistry where the live projection records response times as incidents reach each stage */
    public ReadModelProjector(TimelineEntryFactory entries, MeterRegistry meterRegistry) {
        this.entries = entries;
        this.meterRegistry = meterRegistry;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** Projects into the generation that serves, recording response times as incidents reach each stage. */
    public void projectLive(ReadModels models, RecordedEvent recorded) {
        changedViews(models, recorded).forEach(incidentId -> recompute(models, incidentId, true));
    }

    /** Projects into a generation being rebuilt: its stages were reached (and recorded) long ago. */
    public void project(ReadModels models, RecordedEvent recorded) {
        changedViews(models, recorded).forEach(incidentId -> recompute(models, incidentId, false));
    }

    /**
     * Records the event, then reads which views it changes: its incidents', and for a chain event every member's of
     * its campaign. Members are read after the event is recorded, and a join is recorded before its view reads the
     * chain, so an incident joining while the chain moves is recomputed by one of the two.
     */
    private Set<IncidentId> changedViews(ReadModels models, RecordedEvent recorded) {
        Set<IncidentId> changed = new LinkedHashSet<>(record(models, recorded));
        if (recorded.event() instanceof IncidentEvent event && changesChain(event)) {
            models.members().of(chainCampaigns(event).get(0).toString()).block(TIMEOUT)
                    .forEach(member -> changed.add(member.incidentId()));
        }
        return changed;
    }

    /**
     * Records an event in the buckets, the replay log or the directory without recomputing any view, and without
     * reading a chain's members: a rebuild records every retained event, then recomputes each view once ({@link
     * #recomputeAll}).
     *
     * @return the incidents whose buckets the event was recorded in
     */
    public Set<IncidentId> record(ReadModels models, RecordedEvent recorded) {
        IntegrationEvent event = recorded.event();
        if (event instanceof StakeholderRegisteredEvent e) {
            models.stakeholders().save(e.stakeholder(), e.occurredAt()).block(TIMEOUT);
        } else if (event instanceof StakeholderChangedEvent e) {
            models.stakeholders().save(e.stakeholder(), e.occurredAt()).block(TIMEOUT);
        } else if (event instanceof StakeholderRemovedEvent e) {
            models.stakeholders().remove(e.stakeholderId(), e.occurredAt()).block(TIMEOUT);
        } else if (event instanceof IncidentEvent incidentEvent) {
            return recordIncidentEvent(models, recorded, incidentEvent);
        }
        // anything else (an escalation policy saved) is about no incident: nothing to show
        return Set.of();
    }

    /** Recomputes every incident's view from its bucket, several at a time (each under its incident's lock). */
    public void recomputeAll(ReadModels models) {
        models.incidents().keys()
                .flatMap(incidentId -> Mono.fromRunnable(() -> recompute(models, IncidentId.of(incidentId), false))
                        .subscribeOn(Schedulers.boundedElastic()), CONCURRENT_FOLDS)
                .blockLast();
    }

    private Set<IncidentId> recordIncidentEvent(ReadModels models, RecordedEvent recorded, IncidentEvent event) {
        Set<IncidentId> affected = new LinkedHashSet<>();
        affected.add(event.incidentId());
        if (event instanceof CampaignMergedEvent merged) {
            affected.addAll(merged.movedIncidentIds());
        }
        affected.forEach(incidentId -> models.incidents().append(incidentId.toString(), recorded).block(TIMEOUT));
        joined(event).ifPresent(campaignId -> models.members()
                .add(campaignId.toString(), event.incidentId(), recorded.at()).block(TIMEOUT));
        if (event instanceof CampaignMergedEvent merged) {
            merged.movedIncidentIds().forEach(moved -> models.members()
                    .add(merged.campaignId().toString(), moved, recorded.at()).block(TIMEOUT));
        }
        chainCampaigns(event).forEach(campaignId ->
                models.campaigns().append(campaignId.toString(), recorded).block(TIMEOUT));
        entries.entryFor(recorded).ifPresent(entry -> models.replay().append(event.incidentId(), entry).block(TIMEOUT));
        return affected;
    }

    /** The live view of one incident: the fold of its bucket joined with its campaign's chain. */
    public Optional<IncidentView> viewOf(ReadModels models, IncidentId incidentId) {
        return IncidentState.fold(incidentId, models.incidents().find(incidentId.toString()).block(TIMEOUT), null)
                .map(incident -> IncidentView.of(incident, incident.campaignId() == null ? CampaignState.Chain.NONE
                        : CampaignState.chain(incident.campaignId(),
                        models.campaigns().find(incident.campaignId().toString()).block(TIMEOUT), null)));
    }

    private void recompute(ReadModels models, IncidentId incidentId, boolean live) {
        ReentrantLock lock = locks[Math.floorMod(incidentId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            viewOf(models, incidentId).ifPresent(view -> {
                if (live) {
                    recordReachedStages(models.views().find(incidentId).blockOptional(TIMEOUT), view);
                }
                models.views().save(view).block(TIMEOUT);
            });
        } finally {
            lock.unlock();
        }
    }

    private void recordReachedStages(Optional<IncidentView> before, IncidentView after) {
        IncidentView.Milestones was = before.map(IncidentView::milestones)
                .orElse(new IncidentView.Milestones(null, null, null, null));
        record("triage", was.triagedAt() == null, after, IncidentView.Milestones::toTriage);
        record("acknowledge", was.acknowledgedAt() == null, after, IncidentView.Milestones::toAcknowledge);
        record("contain", was.containedAt() == null, after, IncidentView.Milestones::toContain);
        record("resolve", was.resolvedAt() == null, after, IncidentView.Milestones::toResolve);
    }

    private void record(String stage, boolean notReachedBefore, IncidentView view,
                        BiFunction<IncidentView.Milestones, Instant, Duration> took) {
        Duration duration = took.apply(view.milestones(), view.reportedAt());
        if (notReachedBefore && duration != null) {
            Timer.builder("circc.incident.response")
                    .description("Time from report to each stage of the response")
                    .tag("stage", stage)
                    .tag("severity", view.severity() == null ? "none" : view.severity().displayName())
                    .publishPercentiles(0.5, 0.9)
                    .register(meterRegistry)
                    .record(duration);
        }
    }

    /** The campaign an incident joined by this event, if it did. */
    private static Optional<CampaignId> joined(IncidentEvent event) {
        if (event instanceof IncidentTriagedEvent e) {
            return Optional.of(e.campaignId());
        }
        if (event instanceof IncidentCorrelatedEvent e) {
            return Optional.of(e.campaignId());
        }
        return Optional.empty();
    }

    /** The campaigns whose buckets record this event: severity, merges (in both campaigns) and the chain. */
    static List<CampaignId> chainCampaigns(IncidentEvent event) {
        if (event instanceof CampaignMergedEvent merged) {
            return List.of(merged.campaignId(), merged.mergedCampaignId());
        }
        CampaignId campaignId = null;
        if (event instanceof CampaignSeverityChangedEvent e) {
            campaignId = e.campaignId();
        } else if (event instanceof EscalationStartedEvent e) {
            campaignId = e.campaignId();
        } else if (event instanceof EscalationLevelRaisedEvent e) {
            campaignId = e.campaignId();
        } else if (event instanceof EscalationAcknowledgedEvent e) {
            campaignId = e.campaignId();
        } else if (event instanceof EscalationExhaustedEvent e) {
            campaignId = e.campaignId();
        } else if (event instanceof EscalationRemindedEvent e) {
            campaignId = e.campaignId();
        } else if (event instanceof EscalationEndedEvent e) {
            campaignId = e.campaignId();
        }
        return campaignId == null ? List.of() : List.of(campaignId);
    }

    private static boolean changesChain(IncidentEvent event) {
        return event instanceof CampaignMergedEvent || event instanceof EscalationStartedEvent
                || event instanceof EscalationLevelRaisedEvent || event instanceof EscalationAcknowledgedEvent
                || event instanceof EscalationExhaustedEvent || event instanceof EscalationRemindedEvent
                || event instanceof EscalationEndedEvent;
    }
}
