package org.circc.gateway.web;

import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayMetricsTest extends GatewayTestSupport {

    @Test
    void routedRequestsAreTimedByRouteStatusAndPrincipalKindAndBreakersAreVisible() {
        client.post().uri("/api/v1/incidents").header("X-API-Key", OPERATOR_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isAccepted();
        client.get().uri("/api/v1/board").header("X-API-Key", COORDINATOR_KEY)
                .exchange().expectStatus().isOk();

        String metrics = scrape();

        assertThat(metrics.lines().filter(line -> line.startsWith("spring_cloud_gateway_requests_seconds_count{")))
                .anySatisfy(line -> assertThat(line).contains("routeId=\"intake-commands\"")
                        .contains("principalKind=\"operator\"").contains("httpStatusCode=\"202\""))
                .anySatisfy(line -> assertThat(line).contains("routeId=\"timeline-reads\"")
                        .contains("principalKind=\"coordinator\"").contains("httpStatusCode=\"200\""))
                .noneSatisfy(line -> assertThat(line).contains("ops@venue-tokyo"));
        assertThat(metrics).contains("spring_cloud_gateway_requests_seconds_bucket{");
        assertThat(metrics).contains("resilience4j_circuitbreaker_state{");
    }

    @Test
    void refusalsAreCountedByReason() {
        client.post().uri("/api/v1/incidents").header("X-API-Key", OPERATOR_KEY)
                .contentType(MediaType.TEXT_PLAIN).bodyValue("not json")
                .exchange().expectStatus().isEqualTo(415);

        assertThat(scrape()).containsPattern("circc_gateway_requests_refused_total\\{[^}]*reason=\"unsupported-media-type\"");
    }

    private String scrape() {
        return client.get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
