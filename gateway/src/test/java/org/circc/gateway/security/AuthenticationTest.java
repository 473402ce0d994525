package org.circc.gateway.security;

import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest extends GatewayTestSupport {

    @Test
    void missingKeyIs401ProblemWithChallengeAndNeverReachesTheService() {
        int before = INTAKE.requests();

        var response = client.post().uri("/api/v1/incidents")
                .header("X-CIRCC-Principal", "ops@venue-tokyo")
                .header("X-CIRCC-Roles", "operator")
                .bodyValue("{}")
                .exchange();

        Map<String, Object> problem = assertProblem(response, 401);
        response.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge).startsWith("ApiKey realm=\"circc\""));
        assertThat(problem.get("detail")).asString().contains("X-API-Key");
        assertThat(INTAKE.requests()).isEqualTo(before);
    }

    @Test
    void unknownKeyIs401Problem() {
        var response = client.get().uri("/api/v1/incidents")
                .header("X-API-Key", "not-a-key")
                .exchange();

        Map<String, Object> problem = assertProblem(response, 401);
        response.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "ApiKey realm=\"circc\", header=\"X-API-Key\"");
        assertThat(problem.get("detail")).asString().contains("not recognised");
    }

    @Test
    void everyLocalKeyAuthenticates() {
        for (String key : List.of("op-venue-key", "op-rail-key", "resp-key", "coord-key", "admin-key")) {
            client.get().uri("/api/v1/incidents")
                    .header("X-API-Key", key)
                    .exchange()
                    .expectStatus().isOk();
        }
    }
}
