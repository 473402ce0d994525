package org.circc.triage.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Severity;
import org.circc.contracts.events.Actor;
import org.circc.contracts.identity.IdentityAssertion;
import org.circc.platform.web.CommandDispatcher;
import org.circc.triage.command.OverrideSeverityCommand;
import org.circc.triage.command.UnknownIncidentException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** {@code POST /api/v1/incidents/{id}/triage}: roles, 202, 404 and 422 as api.md says. */
@WebFluxTest(TriageController.class)
class TriageControllerTest {

    private static final IncidentId ID = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");

    @Autowired
    WebTestClient client;

    @MockitoBean
    CommandDispatcher commands;

    @BeforeEach
    void dispatchSucceeds() {
        when(commands.dispatch(any())).thenReturn(Mono.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"coordinator", "admin"})
    void aCoordinatorOrAnAdminOverridesTheSeverityWithAReason(String role) {
        post(ID.toString(), "{\"severity\": 4, \"reason\": \"  power grid affected  \"}", role)
                .expectStatus().isAccepted().expectBody().isEmpty();

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).dispatch(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new OverrideSeverityCommand(ID, Severity.SEVERE, "power grid affected",
                Actor.principal(role + "-1", "circc")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"operator", "responder"})
    void otherRolesAreForbidden(String role) {
        problem(post(ID.toString(), "{\"severity\": 4, \"reason\": \"why\"}", role), HttpStatus.FORBIDDEN);
        verifyNoInteractions(commands);
    }

    @Test
    void anIncidentTriageNeverSawIsNotFound() {
        when(commands.dispatch(any())).thenReturn(Mono.error(new UnknownIncidentException(ID)));

        JsonNode problem = problem(post(ID.toString(), "{\"severity\": 1, \"reason\": \"drill\"}", "coordinator"),
                HttpStatus.NOT_FOUND);
        assertThat(problem.path("detail").asText()).contains(ID.toString());
    }

    @Test
    void aPathThatIsNoIncidentIdIsNotFound() {
        problem(post("not-a-uuid", "{\"severity\": 1, \"reason\": \"drill\"}", "coordinator"), HttpStatus.NOT_FOUND);
        verifyNoInteractions(commands);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"severity\": 6, \"reason\": \"why\"}          | severity",
            "{\"severity\": -1, \"reason\": \"why\"}         | severity",
            "{\"reason\": \"why\"}                           | severity",
            "{\"severity\": 3}                               | reason",
            "{\"severity\": 3, \"reason\": \"   \"}          | reason"})
    void anInvalidOverrideIsUnprocessableAndNamesTheField(String body, String field) {
        JsonNode problem = problem(post(ID.toString(), body, "coordinator"), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(problem.path("errors")).anySatisfy(error -> assertThat(error.path("field").asText()).isEqualTo(field));
        verifyNoInteractions(commands);
    }

    @Test
    void aReasonLongerThanTheLimitIsUnprocessable() {
        String reason = "x".repeat(TriageController.MAX_REASON_LENGTH + 1);

        problem(post(ID.toString(), "{\"severity\": 3, \"reason\": \"" + reason + "\"}", "coordinator"),
                HttpStatus.UNPROCESSABLE_ENTITY);
        verifyNoInteractions(commands);
    }

    @Test
    void aBodyThatDoesNotParseIsABadRequest() {
        problem(post(ID.toString(), "{\"severity\": \"very\"", "coordinator"), HttpStatus.BAD_REQUEST);
        verifyNoInteractions(commands);
    }

    private WebTestClient.ResponseSpec post(String id, String body, String role) {
        return client.post().uri("/api/v1/incidents/" + id + "/triage")
                .headers(headers -> {
                    headers.set(IdentityAssertion.PRINCIPAL, role + "-1");
                    headers.set(IdentityAssertion.ORGANISATION, role.equals("operator") ? "venue-tokyo" : "circc");
                    headers.set(IdentityAssertion.ROLES, role);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static JsonNode problem(WebTestClient.ResponseSpec response, HttpStatus status) {
        JsonNode problem = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(problem).isNotNull();
        assertThat(problem.path("status").asInt()).isEqualTo(status.value());
        assertThat(problem.path("title").asText()).isNotBlank();
        return problem;
    }
}
