package org.circc.timeline.web;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.InvalidValueException;
import org.circc.contracts.Sector;
import org.circc.contracts.events.IncidentStatus;
import org.circc.platform.web.Caller;
import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;
import org.circc.timeline.query.IncidentQueries;
import org.circc.timeline.query.IncidentViews;
import org.circc.timeline.query.Page;
import org.circc.timeline.query.TimelineEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** The incident reads of api.md: view, list, timeline and state as of an instant. Any role; visibility by TLP. */
@RestController
@RequestMapping("/api/v1/incidents")
public class IncidentController {

    static final int MAX_PAGE_SIZE = 500;

    private final IncidentQueries queries;

    public IncidentController(IncidentQueries queries) {
        this.queries = queries;
    }

    public record TimelineView(IncidentId incidentId, List<Entry> entries) {
    }

    public record Entry(int seq, Instant at, String type, Map<String, Object> actor, String summary,
                        Map<String, Object> data) {
    }

    @GetMapping("/{id}")
    public Mono<IncidentResource> incident(Caller caller, @PathVariable String id) {
        return queries.view(caller.viewer(), RequestValues.incidentId(id))
                .map(IncidentResource::of)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no incident " + id)));
    }

    @GetMapping
    public Mono<Page<IncidentResource>> incidents(Caller caller,
                                                  @RequestParam(required = false) List<String> status,
                                                  @RequestParam(required = false) Integer minSeverity,
                                                  @RequestParam(required = false) List<String> sector,
                                                  @RequestParam(required = false) List<String> campaignId,
                                                  @RequestParam(defaultValue = "0") int page,
                                                  @RequestParam(defaultValue = "50") int size) {
        IncidentViews.Filter filter = filter(status, minSeverity, sector, campaignId, page, size);
        return queries.list(caller.viewer(), filter, page, size)
                .map(found -> new Page<>(found.items().stream().map(IncidentResource::of).toList(), found.page(),
                        found.size(), found.total()));
    }

    @GetMapping("/{id}/timeline")
    public Mono<TimelineView> timeline(Caller caller, @PathVariable String id,
                                       @RequestParam(required = false) String asOf) {
        IncidentId incidentId = RequestValues.incidentId(id);
        Instant until = RequestValues.instant("asOf", asOf);
        return queries.timeline(caller.viewer(), incidentId, until)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no incident " + id)))
                .map(entries -> new TimelineView(incidentId, IntStream.range(0, entries.size())
                        .mapToObj(index -> entry(index + 1, entries.get(index)))
                        .toList()));
    }

    @GetMapping("/{id}/state")
    public Mono<IncidentResource> state(Caller caller, @PathVariable String id,
                                        @RequestParam(required = false) String asOf) {
        IncidentId incidentId = RequestValues.incidentId(id);
        Instant until = RequestValues.instant("asOf", asOf);
        return queries.state(caller.viewer(), incidentId, until)
                .map(IncidentResource::of)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound(
                        until == null ? "no incident " + id : "no incident " + id + " as of " + asOf)));
    }

    static Entry entry(int seq, TimelineEntry entry) {
        Map<String, Object> actor = entry.actor().organisation() == null
                ? Map.of("kind", entry.actor().kind().name(), "id", entry.actor().id())
                : Map.of("kind", entry.actor().kind().name(), "id", entry.actor().id(),
                "organisation", entry.actor().organisation());
        return new Entry(seq, entry.at(), entry.type(), actor, entry.summary(), entry.data());
    }

    private static IncidentViews.Filter filter(List<String> statuses, Integer minSeverity, List<String> sectors,
                                               List<String> campaignIds, int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        List<String> statusNames = new ArrayList<>();
        for (String status : statuses == null ? List.<String>of() : statuses) {
            try {
                statusNames.add(IncidentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)).name());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("status", "unknown status '" + status + "'; expected one of "
                        + List.of(IncidentStatus.values())));
            }
        }
        List<String> sectorSlugs = new ArrayList<>();
        for (String sector : sectors == null ? List.<String>of() : sectors) {
            try {
                sectorSlugs.add(Sector.fromSlug(sector).slug());
            } catch (InvalidValueException e) {
                problems.add(new FieldProblem("sector", e.getMessage()));
            }
        }
        List<String> campaigns = new ArrayList<>();
        for (String campaignId : campaignIds == null ? List.<String>of() : campaignIds) {
            try {
                campaigns.add(CampaignId.of(campaignId).toString());
            } catch (InvalidValueException e) {
                problems.add(new FieldProblem("campaignId", e.getMessage()));
            }
        }
        if (minSeverity != null && (minSeverity < 0 || minSeverity > 5)) {
            problems.add(new FieldProblem("minSeverity", "must be a severity level 0..5"));
        }
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "must be 1.." + MAX_PAGE_SIZE));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new IncidentViews.Filter(statusNames, minSeverity, sectorSlugs, campaigns);
    }
}
