package org.circc.gateway.security;

import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityPropagationTest extends GatewayTestSupport {

    @Test
    void operatorReportReachesIntakeWithTheKeysIdentityAndSpoofedHeadersReplaced() {
        Map<String, Object> echo = client.post().uri("/api/v1/incidents")
                .header("X-API-Key", OPERATOR_KEY)
                .header("X-CIRCC-Principal", "admin")
                .header("X-CIRCC-Organisation", "circc")
                .header("X-CIRCC-Roles", "admin,coordinator")
                .header(HttpHeaders.AUTHORIZATION, "Bearer forged")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"DDoS on the ticketing portal\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(echo).containsEntry("service", "intake")
                .containsEntry("method", "POST")
                .containsEntry("path", "/api/v1/incidents")
                .containsEntry("principal", List.of("ops@venue-tokyo"))
                .containsEntry("organisation", List.of("venue-tokyo"))
                .containsEntry("roles", List.of("operator"))
                .containsEntry("body", "{\"title\":\"DDoS on the ticketing portal\"}");
        assertThat(echo.get("apiKey")).as("the caller's key stays at the gateway").isNull();
        assertThat(echo.get("authorization")).as("the caller's credentials stay at the gateway").isNull();
    }

    @Test
    void coordinatorReadReachesTimelineAsTheCoordinator() {
        Map<String, Object> echo = client.get().uri("/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001/timeline?asOf=2026-07-24T10:15:00Z")
                .header("X-API-Key", COORDINATOR_KEY)
                .header("x-circc-principal", "ops@venue-tokyo")
                .exchange()
                .expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(echo).containsEntry("service", "timeline")
                .containsEntry("path", "/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001/timeline")
                .containsEntry("query", "asOf=2026-07-24T10:15:00Z")
                .containsEntry("principal", List.of("coordinator-1"))
                .containsEntry("organisation", List.of("circc"))
                .containsEntry("roles", List.of("coordinator"));
    }
}
