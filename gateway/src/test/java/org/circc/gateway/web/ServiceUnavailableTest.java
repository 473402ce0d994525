package org.circc.gateway.web;

import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceUnavailableTest extends GatewayTestSupport {

    @Test
    void serviceNotListeningIs503ProblemWithRetryAfterAtOnce() {
        long start = System.nanoTime();

        var response = client.post().uri("/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001/triage")
                .header("X-API-Key", COORDINATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"severity\":4,\"reason\":\"confirmed\"}")
                .exchange();

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Object> problem = assertProblem(response, 503);
        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7");
        assertThat(problem.get("detail")).asString().contains("triage").contains("cannot be reached");
        assertThat(took).as("well inside the 3 s response timeout").isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void serviceTooSlowIs503ProblemAfterTheRoutesOwnTimeout() {
        client.get().uri("/api/v1/escalation-policies/default").header("X-API-Key", COORDINATOR_KEY)
                .exchange().expectStatus().isOk();
        long start = System.nanoTime();

        var response = client.get().uri("/api/v1/escalation-policies/hang")
                .header("X-API-Key", COORDINATOR_KEY)
                .exchange();

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Object> problem = assertProblem(response, 503);
        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7");
        assertThat(problem.get("detail")).asString().contains("escalation").contains("did not answer in time");
        assertThat(took).as("500 ms for this route, not the 3 s default").isBetween(Duration.ofMillis(450), Duration.ofMillis(2500));
    }

    @Test
    void streamServiceNotListeningIs503ProblemWithRetryAfter() {
        var response = client.get().uri("/api/v1/stream")
                .header("X-API-Key", RESPONDER_KEY)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange();

        assertProblem(response, 503);
        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7");
    }
}
