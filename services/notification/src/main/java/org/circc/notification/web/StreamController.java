package org.circc.notification.web;

import org.circc.notification.messaging.NoticeBody;
import org.circc.notification.messaging.StreamHub;
import org.circc.notification.query.StakeholderDirectory;
import org.circc.platform.web.Caller;
import org.circc.platform.web.ProblemException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * {@code GET /api/v1/stream}: the notifications of the stakeholder linked to the caller, as server-sent events; a
 * {@code connected} comment once it is listening (merge subscribes to the hub first), and a heartbeat comment now
 * and then.
 */
@RestController
public class StreamController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final StakeholderDirectory directory;
    private final StreamHub hub;

    public StreamController(StakeholderDirectory directory, StreamHub hub) {
        this.directory = directory;
        this.hub = hub;
    }

    @GetMapping(path = "/api/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<NoticeBody>> stream(Caller caller) {
        return Mono.fromCallable(() -> directory.findByPrincipal(caller.principal())
                        .orElseThrow(() -> ProblemException.forbidden(caller.principal()
                                + " is linked to no stakeholder: the stream is for principals that are")))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(stakeholder -> Flux.merge(hub.connect(stakeholder.id()), Mono.just(comment("connected"))))
                // keeps proxies from closing a quiet connection
                .mergeWith(Flux.interval(HEARTBEAT).map(tick -> comment("heartbeat")));
    }

    private static ServerSentEvent<NoticeBody> comment(String text) {
        return ServerSentEvent.<NoticeBody>builder().comment(text).build();
    }
}
