package org.circc.gateway.web;

import org.circc.gateway.GatewayTestSupport;
import org.circc.gateway.config.GatewayRoutes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ServiceUnavailableTest extends GatewayTestSupport {

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;
    @Autowired
    MeterRegistry meterRegistry;

    private double unavailable(String route, String reason) {
        Counter counter = meterRegistry.find("circc.gateway.requests.unavailable").tag("route", route)
                .tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void serviceNotListeningIs503ProblemWithRetryAfterAtOnce() {
        double before = unavailable("triage", "unreachable");
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
        assertThat(unavailable("triage", "unreachable")).isEqualTo(before + 1);
    }

    @Test
    void serviceTooSlowIs503ProblemAfterTheRoutesOwnTimeout() {
        client.get().uri("/api/v1/escalation-policies/default").header("X-API-Key", COORDINATOR_KEY)
                .exchange().expectStatus().isOk();
        double before = unavailable("escalation", "timeout");
        long start = System.nanoTime();

        var response = client.get().uri("/api/v1/escalation-policies/hang")
                .header("X-API-Key", COORDINATOR_KEY)
                .exchange();

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Object> problem = assertProblem(response, 503);
        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7");
        assertThat(problem.get("detail")).asString().contains("escalation").contains("did not answer in time");
        assertThat(took).as("500 ms for this route, not the 3 s default").isBetween(Duration.ofMillis(450), Duration.ofMillis(2500));
        assertThat(unavailable("escalation", "timeout")).isEqualTo(before + 1);
    }

    @Test
    void aRouteAtItsInFlightLimitAnswers503AtOnceWithoutOpeningItsCircuit() {
        // the route's first call creates its breaker with the gateway's configuration
        client.get().uri("/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000002").header("X-API-Key", COORDINATOR_KEY)
                .exchange().expectStatus().isOk();
        int reachedBefore = TIMELINE.requests();
        var breaker = breakers.getCircuitBreakerRegistry().circuitBreaker(GatewayRoutes.TIMELINE_READS);
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();
        WebClient direct = WebClient.create("http://127.0.0.1:" + port);
        List<Disposable> inFlight = IntStream.range(0, 2)
                .mapToObj(i -> direct.get().uri("/api/v1/incidents/hang").header("X-API-Key", COORDINATOR_KEY)
                        .retrieve().toBodilessEntity().subscribe(answer -> { }, failure -> { }))
                .toList();
        await().atMost(Duration.ofSeconds(2)).until(() -> TIMELINE.requests() == reachedBefore + 2);
        double refusedBefore = unavailable("timeline", "bulkhead-full");
        long start = System.nanoTime();

        var response = client.get().uri("/api/v1/incidents/hang").header("X-API-Key", COORDINATOR_KEY).exchange();

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<String, Object> problem = assertProblem(response, 503);
        response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7");
        assertThat(problem.get("detail")).asString().contains("timeline").contains("in flight");
        assertThat(took).as("refused at once, not after the 3 s response timeout").isLessThan(Duration.ofMillis(2500));
        assertThat(TIMELINE.requests()).as("the refused request never reached the service").isEqualTo(reachedBefore + 2);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("not the service's failure").isEqualTo(failedBefore);
        assertThat(unavailable("timeline", "bulkhead-full")).isEqualTo(refusedBefore + 1);

        inFlight.forEach(Disposable::dispose);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> client.get()
                .uri("/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000002").header("X-API-Key", COORDINATOR_KEY)
                .exchange().expectStatus().isOk());
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anOpenCircuitRefusesAtOnceAndItsTransitionsAreLoggedOnceEach(CapturedOutput output) {
        // the route's first call creates its breaker through the factory, with the gateway's customizers
        client.get().uri("/api/v1/admin/rebuild").header("X-API-Key", ADMIN_KEY).exchange().expectStatus().isOk();
        var breaker = breakers.getCircuitBreakerRegistry().circuitBreaker(GatewayRoutes.TIMELINE_ADMIN);
        int reachedBefore = TIMELINE.requests();
        double refusedBefore = unavailable("timeline", "circuit-open");

        breaker.transitionToOpenState();
        try {
            var response = client.get().uri("/api/v1/admin/rebuild").header("X-API-Key", ADMIN_KEY).exchange();

            Map<String, Object> problem = assertProblem(response, 503);
            response.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7");
            assertThat(problem.get("detail")).asString().contains("timeline").contains("holding requests back");
            assertThat(TIMELINE.requests()).as("refused without calling the service").isEqualTo(reachedBefore);
            assertThat(unavailable("timeline", "circuit-open")).isEqualTo(refusedBefore + 1);
        } finally {
            breaker.transitionToClosedState();
        }
        assertThat(output.getOut() + output.getErr())
                .containsOnlyOnce("circuit of route " + GatewayRoutes.TIMELINE_ADMIN + ": State transition from CLOSED to OPEN")
                .containsOnlyOnce("circuit of route " + GatewayRoutes.TIMELINE_ADMIN + ": State transition from OPEN to CLOSED")
                .doesNotContain("timeline answered 503 for GET /fallback/timeline");
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
