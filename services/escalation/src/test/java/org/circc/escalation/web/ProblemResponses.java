package org.circc.escalation.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the RFC 9457 problems escalation answers, shared by its web tests. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static JsonNode problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        JsonNode problem = response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
        assertThat(problem).isNotNull();
        assertThat(problem.path("status").asInt()).isEqualTo(status.value());
        assertThat(problem.path("type").asText()).startsWith("urn:circc:problem:");
        assertThat(problem.path("detail").asText()).as("problem has a detail: %s", problem).isNotBlank();
        return problem;
    }

    static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("field").asText())
                .toList();
    }

    static void identity(org.springframework.http.HttpHeaders headers, String principal, String organisation,
                         String roles) {
        headers.set(org.circc.contracts.identity.IdentityAssertion.PRINCIPAL, principal);
        headers.set(org.circc.contracts.identity.IdentityAssertion.ORGANISATION, organisation);
        headers.set(org.circc.contracts.identity.IdentityAssertion.ROLES, roles);
    }
}
