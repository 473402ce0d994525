package org.circc.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in service on 127.0.0.1: answers every request with JSON describing what it received (its own name,
 * method, path, identity and credential headers, body). A path ending in {@code /hang} is never answered;
 * {@code GET /api/v1/replay} is a quiet server-sent-event stream: nothing, not even the response headers, for
 * {@link #STREAM_GAP}, then two events.
 */
public final class EchoBackend {

    public static final Duration STREAM_GAP = Duration.ofMillis(3500);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final DisposableServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private EchoBackend(String service) {
        this.service = service;
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(this::handle)
                .bindNow();
    }

    public static EchoBackend start(String service) {
        return new EchoBackend(service);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public int requests() {
        return requests.get();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        requests.incrementAndGet();
        String path = request.fullPath();
        if (path.endsWith("/hang")) {
            return Mono.never();
        }
        if (path.equals("/api/v1/replay")) {
            return Mono.delay(STREAM_GAP).then(response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                    .sendString(Flux.just(
                            "id: 1\nevent: incident.reported\ndata: first\n\n",
                            "id: 2\nevent: incident.triaged\ndata: second\n\n"))
                    .then());
        }
        return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", service);
            echo.put("method", request.method().name());
            echo.put("path", path);
            echo.put("query", URI.create(request.uri()).getRawQuery());
            echo.put("principal", request.requestHeaders().getAll("X-CIRCC-Principal"));
            echo.put("organisation", request.requestHeaders().getAll("X-CIRCC-Organisation"));
            echo.put("roles", request.requestHeaders().getAll("X-CIRCC-Roles"));
            echo.put("apiKey", request.requestHeaders().get("X-API-Key"));
            echo.put("authorization", request.requestHeaders().get("Authorization"));
            echo.put("body", body);
            byte[] bytes;
            try {
                bytes = JSON.writeValueAsBytes(echo);
            } catch (Exception e) {
                return Mono.error(e);
            }
            return response.status(request.method().name().equals("POST") ? 202 : 200)
                    .header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                    .sendByteArray(Mono.just(bytes))
                    .then();
        });
    }
}
