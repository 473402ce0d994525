package org.circc.intake.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the RFC 9457 problems intake answers, shared by its web tests. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Asserts a problem+json answer with {@code status}, a platform problem type, a title and a detail. */
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
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).as("problem has a detail: %s", problem).isNotBlank();
        return problem;
    }

    /** The {@code field} of every entry of the problem's {@code errors}. */
    static List<String> fields(JsonNode problem) {
        return StreamSupport.stream(problem.path("errors").spliterator(), false)
                .map(error -> error.path("field").asText())
                .collect(Collectors.toList());
    }
}
