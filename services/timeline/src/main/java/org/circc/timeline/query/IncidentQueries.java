package org.circc.timeline.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.events.StakeholderSnapshot;
import org.circc.contracts.sharing.Viewer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The incident reads of api.md over the active read models, with the sharing rule applied to every one of them:
 * what the viewer may not see is empty here (404 at the edge), also in lists. Reads "as of" an instant fold the
 * buckets up to it with the same functions the live projection uses.
 */
public class IncidentQueries {

    private final ReadModelGenerations generations;
    private final TimelineEntryFactory entries;
    private final Clock clock;

    public IncidentQueries(ReadModelGenerations generations, TimelineEntryFactory entries, Clock clock) {
        this.generations = generations;
        this.entries = entries;
        this.clock = clock;
    }

    /** The live view, if the viewer may see it. */
    public Mono<IncidentView> view(Viewer viewer, IncidentId incidentId) {
        ReadModels models = generations.active();
        return Mono.zip(models.views().find(incidentId), directory(models))
                .filter(viewAndDirectory -> Sharing.maySee(viewer, viewAndDirectory.getT1(), viewAndDirectory.getT2()))
                .map(viewAndDirectory -> viewAndDirectory.getT1());
    }

    /** The visible views matching the filter, newest first: the invisible ones are simply not there. */
    public Mono<Page<IncidentView>> list(Viewer viewer, IncidentViews.Filter filter, int page, int size) {
        ReadModels models = generations.active();
        if (viewer.isCenterCoordinator()) {
            return models.views().page(filter, page, size);
        }
        return directory(models).flatMap(directory -> models.views().find(filter)
                .filter(view -> Sharing.maySee(viewer, view, directory))
                .reduce(new PageCollector(page, size), PageCollector::add)
                .map(collector -> new Page<>(collector.items, page, size, collector.total)));
    }

    /** The view as it was at {@code asOf}: the folds of the incident's and its campaign's events up to then. */
    public Mono<IncidentView> state(Viewer viewer, IncidentId incidentId, Instant asOf) {
        ReadModels models = generations.active();
        return view(viewer, incidentId)
                .flatMap(visible -> models.incidents().find(incidentId.toString()))
                .flatMap(events -> Mono.justOrEmpty(IncidentState.fold(incidentId, events, asOf)))
                .flatMap(incident -> chainAt(models, incident.campaignId(), asOf)
                        .map(chain -> IncidentView.of(incident, chain)));
    }

    /**
     * The incident's timeline entries up to {@code asOf} (null for all), in time order: its own history and its
     * campaign's chain, which it follows whichever member triggered each step.
     */
    public Mono<List<TimelineEntry>> timeline(Viewer viewer, IncidentId incidentId, Instant asOf) {
        ReadModels models = generations.active();
        return view(viewer, incidentId)
                .flatMap(visible -> history(models, incidentId, asOf))
                .map(this::entriesOf);
    }

    /**
     * A campaign with the members the viewer may see ({@code reportCount} counts all of them); empty when the
     * campaign is unknown or the viewer may see none of its members.
     */
    public Mono<CampaignView> campaign(Viewer viewer, CampaignId campaignId) {
        ReadModels models = generations.active();
        return Mono.zip(models.campaigns().find(campaignId.toString()), models.members().of(campaignId.toString()))
                .filter(bucket -> !bucket.getT1().isEmpty() || !bucket.getT2().isEmpty())
                .map(bucket -> CampaignState.fold(campaignId, bucket.getT1(), bucket.getT2(), null))
                .flatMap(campaign -> Mono.zip(models.views().findAll(campaign.incidentIds()).collectList(),
                                directory(models))
                        .map(membersAndDirectory -> CampaignView.of(campaign, membersAndDirectory.getT1(),
                                member -> Sharing.maySee(viewer, member, membersAndDirectory.getT2()))))
                .filter(view -> viewer.isCenterCoordinator() || !view.incidentIds().isEmpty());
    }

    /** Every incident's view at {@code asOf} (the live views when null): the board's input. */
    public Flux<IncidentView> allViews(Instant asOf) {
        ReadModels models = generations.active();
        if (asOf == null) {
            return models.views().find(IncidentViews.Filter.NONE);
        }
        Map<CampaignId, Mono<CampaignState.Chain>> chains = new HashMap<>();
        return models.incidents().all()
                .concatMap(bucket -> Mono.justOrEmpty(IncidentState.fold(IncidentId.of(bucket.getKey()), bucket.getValue(), asOf))
                        .flatMap(incident -> (incident.campaignId() == null ? Mono.just(CampaignState.Chain.NONE)
                                : chains.computeIfAbsent(incident.campaignId(), id -> chainAt(models, id, asOf).cache()))
                                .map(chain -> IncidentView.of(incident, chain))));
    }

    /** Live views of the incidents reported in [{@code from}, {@code to}). */
    public Flux<IncidentView> reportedBetween(String from, String to) {
        return generations.active().views().reportedBetween(from, to);
    }

    /** The post-incident review of a visible incident, as of now. */
    public Mono<IncidentReport> report(Viewer viewer, IncidentId incidentId) {
        ReadModels models = generations.active();
        return view(viewer, incidentId)
                .flatMap(view -> history(models, incidentId, null)
                        .map(events -> IncidentReport.of(view, events, entries, clock.instant())));
    }

    /** Timeline entries of every incident that happened in [{@code from}, {@code to}), in ingest order. */
    public Flux<ReplayLog.Logged> replay(Instant from, Instant to) {
        return generations.active().replay().between(from, to);
    }

    /** The incident's events and its campaign's (as of {@code asOf}) up to {@code asOf}, in the fold's order. */
    private static Mono<List<RecordedEvent>> history(ReadModels models, IncidentId incidentId, Instant asOf) {
        return models.incidents().find(incidentId.toString()).flatMap(events -> {
            Optional<CampaignId> campaignId = IncidentState.fold(incidentId, events, asOf).map(IncidentState::campaignId);
            Mono<List<RecordedEvent>> chain = campaignId.isEmpty() ? Mono.just(List.of())
                    : models.campaigns().find(campaignId.get().toString());
            return chain.map(chainEvents -> {
                Map<String, RecordedEvent> byId = new LinkedHashMap<>();
                events.forEach(recorded -> byId.put(recorded.eventId(), recorded));
                chainEvents.forEach(recorded -> byId.putIfAbsent(recorded.eventId(), recorded));
                return RecordedEvent.upTo(List.copyOf(byId.values()), asOf);
            });
        });
    }

    private List<TimelineEntry> entriesOf(List<RecordedEvent> events) {
        return events.stream().map(entries::entryFor).flatMap(Optional::stream).toList();
    }

    private static Mono<CampaignState.Chain> chainAt(ReadModels models, CampaignId campaignId, Instant asOf) {
        if (campaignId == null) {
            return Mono.just(CampaignState.Chain.NONE);
        }
        return models.campaigns().find(campaignId.toString())
                .map(events -> CampaignState.chain(campaignId, events, asOf));
    }

    private static Mono<Map<String, StakeholderSnapshot>> directory(ReadModels models) {
        return models.stakeholders().all();
    }

    /** Counts every visible view and keeps only the requested page's. */
    private static final class PageCollector {
        private final long first;
        private final int size;
        private final List<IncidentView> items = new ArrayList<>();
        private long total;

        PageCollector(int page, int size) {
            this.first = (long) page * size;
            this.size = size;
        }

        PageCollector add(IncidentView view) {
            if (total >= first && items.size() < size) {
                items.add(view);
            }
            total++;
            return this;
        }
    }
}
