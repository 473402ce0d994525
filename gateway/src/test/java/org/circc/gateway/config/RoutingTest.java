package org.circc.gateway.config;

import org.circc.gateway.EchoBackend;
import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest extends GatewayTestSupport {

    @Autowired
    RouteLocator routes;

    @Test
    void commandsGoToTheOwningServiceAndReadsToTimeline() {
        assertThat(echo("POST", "/api/v1/incidents/x/updates", OPERATOR_KEY)).containsEntry("service", "intake");
        assertThat(echo("POST", "/api/v1/incidents/x/contain", RESPONDER_KEY)).containsEntry("service", "intake");
        assertThat(echo("POST", "/api/v1/incidents/x/acknowledge", COORDINATOR_KEY)).containsEntry("service", "escalation");
        assertThat(echo("GET", "/api/v1/escalation-policies/default", COORDINATOR_KEY)).containsEntry("service", "escalation");
        assertThat(echo("GET", "/api/v1/campaigns/c", RESPONDER_KEY)).containsEntry("service", "timeline");
        assertThat(echo("GET", "/api/v1/metrics/response", COORDINATOR_KEY)).containsEntry("service", "timeline");
    }

    @Test
    void streamRoutesHaveNoCircuitBreakerAndTheOthersHaveOne() {
        List<Route> all = routes.getRoutes().collectList().block(Duration.ofSeconds(5));

        assertThat(all).extracting(Route::getId)
                .containsExactlyInAnyOrderElementsOf(concat(GatewayRoutes.GUARDED_ROUTES, GatewayRoutes.STREAM_ROUTES));
        assertThat(all).filteredOn(route -> GatewayRoutes.STREAM_ROUTES.contains(route.getId()))
                .allSatisfy(route -> assertThat(route.getFilters()).isEmpty());
        assertThat(all).filteredOn(route -> GatewayRoutes.GUARDED_ROUTES.contains(route.getId()))
                .allSatisfy(route -> assertThat(route.getFilters()).singleElement().asString()
                        .contains("CircuitBreaker").contains("name = '" + route.getId() + "'").contains("forward:/fallback/"));
    }

    @Test
    void replayStreamOutlivesTheResponseTimeout() {
        var events = client.get().uri("/api/v1/replay?speed=1")
                .header("X-API-Key", COORDINATOR_KEY)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .getResponseBody();

        assertThat(EchoBackend.STREAM_GAP).as("longer than the 3 s response timeout").isGreaterThan(Duration.ofSeconds(3));
        StepVerifier.create(events)
                .assertNext(event -> assertThat(event.event()).isEqualTo("incident.reported"))
                .assertNext(event -> {
                    assertThat(event.id()).isEqualTo("2");
                    assertThat(event.data()).isEqualTo("second");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    private Map<String, Object> echo(String method, String path, String key) {
        return client.method(HttpMethod.valueOf(method)).uri(path)
                .header("X-API-Key", key)
                .exchange()
                .expectStatus().is2xxSuccessful()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
