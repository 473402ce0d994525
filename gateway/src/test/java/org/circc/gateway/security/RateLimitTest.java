package org.circc.gateway.security;

import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A request budget per principal: the venue operator gets 3 per minute here, everyone else the default. */
@TestPropertySource(properties = {
        "circc.gateway.limits.period=60s",
        "circc.gateway.limits.principals.[ops@venue-tokyo]=3"})
class RateLimitTest extends GatewayTestSupport {

    private static final String INCIDENT_TIMELINE = "/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001/timeline";

    @Test
    void overItsBudgetAPrincipalGets429WithRetryAfterAndOthersAreNotAffected() {
        for (int i = 0; i < 3; i++) {
            client.get().uri(INCIDENT_TIMELINE).header("X-API-Key", OPERATOR_KEY).exchange().expectStatus().isOk();
        }

        Map<String, Object> problem = assertProblem(
                client.get().uri(INCIDENT_TIMELINE).header("X-API-Key", OPERATOR_KEY).exchange()
                        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "60"), 429);

        assertThat(problem.get("detail")).asString().contains("Too many requests");
        client.get().uri(INCIDENT_TIMELINE).header("X-API-Key", COORDINATOR_KEY).exchange().expectStatus().isOk();
    }
}
