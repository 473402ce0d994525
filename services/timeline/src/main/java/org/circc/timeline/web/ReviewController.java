package org.circc.timeline.web;

import org.circc.platform.config.PlatformJacksonConfiguration;
import org.circc.platform.web.Caller;
import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;
import org.circc.platform.web.Role;
import org.circc.timeline.query.Board;
import org.circc.timeline.query.CampaignView;
import org.circc.timeline.query.IncidentQueries;
import org.circc.timeline.query.ReplayLog;
import org.circc.timeline.query.ReplayPacing;
import org.circc.timeline.query.ResponseTimes;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The review side of api.md: campaigns, the situation board, replay and response times. */
@RestController
public class ReviewController {

    private final IncidentQueries queries;
    private final Clock clock;

    public ReviewController(IncidentQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    public record BoardResource(Instant asOf, Board.Open open, List<IncidentResource> top) {
    }

    @GetMapping("/api/v1/campaigns/{id}")
    public Mono<CampaignView> campaign(Caller caller, @PathVariable String id) {
        caller.requireAnyRole(Role.COORDINATOR, Role.RESPONDER);
        return queries.campaign(caller.viewer(), RequestValues.campaignId(id))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no campaign " + id)));
    }

    @GetMapping("/api/v1/board")
    public Mono<BoardResource> board(Caller caller, @RequestParam(required = false) String asOf) {
        caller.requireAnyRole(Role.COORDINATOR);
        Instant at = RequestValues.instant("asOf", asOf);
        return queries.allViews(at).collectList()
                .map(views -> Board.of(at == null ? clock.instant() : at, views))
                .map(board -> new BoardResource(board.asOf(), board.open(),
                        board.top().stream().map(IncidentResource::of).toList()));
    }

    @GetMapping("/api/v1/metrics/response")
    public Mono<ResponseTimes> responseTimes(Caller caller, @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to) {
        caller.requireAnyRole(Role.COORDINATOR);
        Instant since = orDefault(RequestValues.instant("from", from), Instant.EPOCH);
        Instant until = orDefault(RequestValues.instant("to", to), clock.instant());
        requireOrdered(since, until);
        return queries.reportedBetween(text(since), text(until)).collectList()
                .map(views -> ResponseTimes.of(since, until, views));
    }

    /**
     * Every timeline entry that happened in [{@code from}, {@code to}) in ingest order, paced by {@code speed};
     * the response is written as the client reads it, so a slow client slows the read, not the server's memory.
     */
    @GetMapping(path = "/api/v1/replay", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Map<String, Object>>> replay(Caller caller,
                                                             @RequestParam(required = false) String from,
                                                             @RequestParam(required = false) String to,
                                                             @RequestParam(defaultValue = "1") double speed) {
        caller.requireAnyRole(Role.COORDINATOR);
        Instant since = orDefault(RequestValues.instant("from", from), Instant.EPOCH);
        Instant until = orDefault(RequestValues.instant("to", to), clock.instant());
        requireOrdered(since, until);
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw ProblemException.invalid(List.of(new FieldProblem("speed", "must be a number, 0 or more")));
        }
        return ReplayPacing.paced(queries.replay(since, until), speed).map(ReviewController::event);
    }

    private static ServerSentEvent<Map<String, Object>> event(ReplayLog.Logged logged) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incidentId", logged.incidentId().toString());
        IncidentController.Entry entry = IncidentController.entry(0, logged.entry());
        data.put("at", entry.at());
        data.put("type", entry.type());
        data.put("actor", entry.actor());
        data.put("summary", entry.summary());
        data.put("data", entry.data());
        return ServerSentEvent.<Map<String, Object>>builder(data)
                .id(Long.toString(logged.position()))
                .event(logged.entry().type())
                .build();
    }

    private static void requireOrdered(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ProblemException.invalid(List.of(new FieldProblem("to", "must be after from")));
        }
    }

    private static Instant orDefault(Instant value, Instant otherwise) {
        return value == null ? otherwise : value;
    }

    private static String text(Instant instant) {
        return PlatformJacksonConfiguration.MILLISECOND_INSTANT.format(instant);
    }
}
