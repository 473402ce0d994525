package org.circc.gateway.web;

import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 413 and 415 at the gateway, before any service, without buffering bodies. */
class RequestLimitsTest extends GatewayTestSupport {

    private static final int LIMIT = 256 * 1024;

    @Test
    void aDeclaredBodyOverTheLimitIs413() {
        Map<String, Object> problem = assertProblem(client.post().uri("/api/v1/incidents")
                .header("X-API-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(LIMIT + 1))
                .exchange(), 413);

        assertThat(problem.get("detail")).asString().contains("256 KiB");
    }

    @Test
    void aChunkedBodyOverTheLimitIsCutWith413() {
        Flux<DataBuffer> chunks = Flux.range(0, 40).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(" ".repeat(8 * 1024).getBytes(StandardCharsets.UTF_8)));

        assertProblem(client.post().uri("/api/v1/incidents")
                .header("X-API-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange(), 413);
    }

    @Test
    void aChunkedBodyWithinTheLimitPassesThrough() {
        Flux<DataBuffer> chunks = Flux.just("{\"title\":", "\"chunked\"}").map(part -> DefaultDataBufferFactory.sharedInstance
                .wrap(part.getBytes(StandardCharsets.UTF_8)));

        Map<String, Object> echo = client.post().uri("/api/v1/incidents")
                .header("X-API-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(echo).containsEntry("body", "{\"title\":\"chunked\"}");
    }

    @Test
    void aBodyAtTheLimitPasses() {
        client.post().uri("/api/v1/incidents")
                .header("X-API-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(LIMIT))
                .exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Map<String, Object> problem = assertProblem(client.post().uri("/api/v1/incidents")
                .header("X-API-Key", OPERATOR_KEY)
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("title=DDoS")
                .exchange(), 415);

        assertThat(problem.get("detail")).asString().contains("application/json");
    }

    @Test
    void jsonSubtypesAndBodilessCommandsPass() {
        client.post().uri("/api/v1/incidents")
                .header("X-API-Key", OPERATOR_KEY)
                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                .bodyValue("{}")
                .exchange()
                .expectStatus().isAccepted();
        client.post().uri("/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001/acknowledge")
                .header("X-API-Key", RESPONDER_KEY)
                .exchange()
                .expectStatus().isAccepted();
    }

    /** A JSON document of exactly {@code size} bytes. */
    private static String json(int size) {
        String prefix = "{\"description\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
    }
}
