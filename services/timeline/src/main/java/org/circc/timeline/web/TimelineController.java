package org.circc.timeline.web;

import org.circc.contracts.IncidentId;
import org.circc.contracts.InvalidValueException;
import org.circc.platform.web.Caller;
import org.circc.platform.web.ProblemException;
import org.circc.timeline.query.IncidentTimelineRepository;
import org.circc.timeline.query.TimelineEntry;
import org.circc.timeline.query.TimelineVisibility;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

@RestController
@RequestMapping("/api/v1/incidents")
public class TimelineController {

    private final IncidentTimelineRepository timelines;

    public TimelineController(IncidentTimelineRepository timelines) {
        this.timelines = timelines;
    }

    public record TimelineView(IncidentId incidentId, List<Entry> entries) {
    }

    public record Entry(int seq, Instant at, String type, Map<String, Object> actor, String summary,
                        Map<String, Object> data) {
    }

    @GetMapping("/{id}/timeline")
    public Mono<TimelineView> timeline(Caller caller, @PathVariable String id,
                                       @RequestParam(required = false) String asOf) {
        IncidentId incidentId = parseId(id);
        Instant until = asOf == null ? null : parseAsOf(asOf);
        return timelines.find(incidentId)
                .filter(timeline -> TimelineVisibility.maySee(caller, timeline))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no incident " + id)))
                .map(timeline -> {
                    List<TimelineEntry> entries = timeline.entries().stream()
                            .filter(entry -> until == null || !entry.at().isAfter(until))
                            .sorted(Comparator.comparing(TimelineEntry::at))
                            .toList();
                    return new TimelineView(incidentId, IntStream.range(0, entries.size())
                            .mapToObj(index -> view(index + 1, entries.get(index)))
                            .toList());
                });
    }

    private static Entry view(int seq, TimelineEntry entry) {
        Map<String, Object> actor = entry.actor().organisation() == null
                ? Map.of("kind", entry.actor().kind().name(), "id", entry.actor().id())
                : Map.of("kind", entry.actor().kind().name(), "id", entry.actor().id(),
                "organisation", entry.actor().organisation());
        return new Entry(seq, entry.at(), entry.type(), actor, entry.summary(), entry.data());
    }

    private static IncidentId parseId(String id) {
        try {
            return IncidentId.of(id);
        } catch (InvalidValueException e) {
            throw ProblemException.notFound("no incident " + id);
        }
    }

    private static Instant parseAsOf(String asOf) {
        try {
            return OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request",
                    "asOf must be an ISO-8601 time with an offset, such as 2026-07-24T14:05:00Z", List.of());
        }
    }
}
