package org.circc.gateway.security;

import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationTest extends GatewayTestSupport {

    @Test
    void operatorClosingAnIncidentIs403ProblemAndNeverReachesTheService() {
        int before = INTAKE.requests();

        Map<String, Object> problem = assertProblem(client.post().uri("/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001/close")
                .header("X-API-Key", OPERATOR_KEY)
                .bodyValue("{\"summary\":\"done\"}")
                .exchange(), 403);

        assertThat(problem.get("detail")).asString().contains("operator").contains("/close");
        assertThat(INTAKE.requests()).isEqualTo(before);
    }

    @Test
    void operatorCannotSeeTheBoardNorAResponderTheAdministration() {
        assertProblem(client.get().uri("/api/v1/board").header("X-API-Key", OPERATOR_KEY).exchange(), 403);
        assertProblem(client.get().uri("/api/v1/stakeholders").header("X-API-Key", RESPONDER_KEY).exchange(), 403);
    }

    @Test
    void coordinatorMayDoEverythingButAdministration() {
        assertProblem(client.post().uri("/api/v1/admin/rebuild").header("X-API-Key", COORDINATOR_KEY).exchange(), 403);

        client.get().uri("/api/v1/board").header("X-API-Key", COORDINATOR_KEY)
                .exchange().expectStatus().isOk();
    }

    @Test
    void adminMayAdministrate() {
        Map<String, Object> echo = client.post().uri("/api/v1/admin/rebuild")
                .header("X-API-Key", ADMIN_KEY)
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(echo).containsEntry("service", "timeline").containsEntry("roles", List.of("admin"));
    }

    @Test
    void responderAcknowledgementGoesToEscalation() {
        Map<String, Object> echo = client.post().uri("/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001/acknowledge")
                .header("X-API-Key", RESPONDER_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(echo).containsEntry("service", "escalation").containsEntry("principal", List.of("responder-1"));
    }

    @Test
    void aPathWithNoRouteIs404ProblemForEveryone() {
        assertProblem(client.get().uri("/api/v1/nothing-here").header("X-API-Key", ADMIN_KEY).exchange(), 404);
        assertProblem(client.delete().uri("/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001").header("X-API-Key", ADMIN_KEY).exchange(), 404);
        assertProblem(client.get().uri("/fallback/intake").header("X-API-Key", ADMIN_KEY).exchange(), 404);
    }

    @Test
    void aPathTheFirewallRefusesIs400Problem() {
        assertProblem(client.get().uri("/api/v1/incidents/x/..;/../admin/rebuild").header("X-API-Key", OPERATOR_KEY).exchange(), 400);
    }
}
