package org.circc.notification.messaging;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open {@code /api/v1/stream} connections of this instance, by stakeholder. A notice goes to every connection
 * of its stakeholder that is open at that moment; nothing is kept for later.
 */
public class StreamHub {

    private final Map<String, Sinks.Many<ServerSentEvent<NoticeBody>>> sinks = new ConcurrentHashMap<>();

    public Flux<ServerSentEvent<NoticeBody>> connect(String stakeholderId) {
        return sinks.computeIfAbsent(stakeholderId, id -> Sinks.many().multicast().directBestEffort()).asFlux();
    }

    /** @return how many open connections took it */
    public synchronized int publish(String stakeholderId, NoticeBody body) {
        Sinks.Many<ServerSentEvent<NoticeBody>> sink = sinks.get(stakeholderId);
        if (sink == null || sink.currentSubscriberCount() == 0) {
            return 0;
        }
        int connections = sink.currentSubscriberCount();
        Sinks.EmitResult result = sink.tryEmitNext(ServerSentEvent.<NoticeBody>builder(body)
                .id(String.valueOf(body.deliveryId())).event(body.eventType()).build());
        return result.isSuccess() ? connections : 0;
    }
}
