package org.circc.gateway.web;

import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class ActuatorExposureTest extends GatewayTestSupport {

    @Autowired
    PathMappedEndpoints endpoints;

    @Test
    void healthInfoAndPrometheusAnswerWithoutAKey() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/info").exchange()
                .expectStatus().isOk();
        // a scrape carries a latency histogram per route, status and caller kind: past WebClient's 256 KiB default
        // once the other tests of this context have called many routes
        client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void onlyHealthInfoAndPrometheusAreExposed() {
        assertThat(endpoints.getAllPaths())
                .containsExactlyInAnyOrder("/actuator/health", "/actuator/info", "/actuator/prometheus");

        assertProblem(client.get().uri("/actuator/env").exchange(), 401);
        assertProblem(client.get().uri("/actuator/env").header("X-API-Key", ADMIN_KEY).exchange(), 404);
        assertProblem(client.get().uri("/actuator").header("X-API-Key", ADMIN_KEY).exchange(), 404);
        assertProblem(client.get().uri("/actuator/gateway/routes").header("X-API-Key", ADMIN_KEY).exchange(), 404);
    }
}
