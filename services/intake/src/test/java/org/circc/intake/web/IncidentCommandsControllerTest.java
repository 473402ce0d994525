package org.circc.intake.web;

import org.circc.contracts.identity.IdentityAssertion;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.sharing.Viewer;
import org.circc.intake.command.CloseIncidentCommand;
import org.circc.intake.command.ContainIncidentCommand;
import org.circc.intake.command.IllegalIncidentTransitionException;
import org.circc.intake.command.IncidentActionForbiddenException;
import org.circc.intake.command.IncidentNotVisibleException;
import org.circc.intake.command.ResolveIncidentCommand;
import org.circc.intake.command.UpdateIncidentCommand;
import org.circc.intake.command.WithdrawIncidentCommand;
import org.circc.platform.web.CommandDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circc.intake.web.ProblemResponses.fields;
import static org.circc.intake.web.ProblemResponses.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The lifecycle endpoints: roles, 404 for what the caller may not see, 409 for the state, 422, 202. */
@WebFluxTest(IncidentController.class)
@Import(IncidentCommandsControllerTest.Beans.class)
class IncidentCommandsControllerTest {

    private static final IncidentId ID = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");

    /** Which roles may use which route (api.md; admin may do all a coordinator may). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "updates", Set.of("operator", "coordinator", "admin"),
            "withdraw", Set.of("operator"),
            "contain", Set.of("responder", "coordinator", "admin"),
            "resolve", Set.of("responder", "coordinator", "admin"),
            "close", Set.of("coordinator", "admin"));

    private static final Map<String, String> BODY = Map.of(
            "updates", "{\"note\": \"more\"}",
            "withdraw", "{\"reason\": \"false alarm\"}",
            "contain", "{\"summary\": \"isolated\"}",
            "resolve", "{\"summary\": \"patched\"}",
            "close", "{\"summary\": \"reviewed\"}");

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        IncidentReportValidator incidentReportValidator() {
            return new IncidentReportValidator(Clock.fixed(Instant.parse("2026-07-24T12:00:00Z"), ZoneOffset.UTC));
        }

        @Bean
        ReportMetrics reportMetrics() {
            return new ReportMetrics(new SimpleMeterRegistry());
        }
    }

    @Autowired
    WebTestClient client;

    @MockitoBean
    CommandDispatcher commands;

    @MockitoBean
    IdempotentSubmissions idempotentSubmissions;

    @BeforeEach
    void dispatchSucceeds() {
        when(commands.dispatch(any())).thenReturn(Mono.empty());
    }

    // --- roles --------------------------------------------------------------------------------------------

    static Stream<Arguments> routesAndRoles() {
        return ALLOWED.keySet().stream().sorted().flatMap(route ->
                Stream.of("operator", "responder", "coordinator", "admin").map(role -> Arguments.of(route, role)));
    }

    @ParameterizedTest(name = "{1} on /{0}")
    @MethodSource("routesAndRoles")
    void aRoleThatMayNeverTakeTheActionIsForbidden(String route, String role) {
        String organisation = role.equals("operator") ? "venue-tokyo" : "circc";
        WebTestClient.ResponseSpec response = post(route, BODY.get(route), role + "-1", organisation, role);
        if (ALLOWED.get(route).contains(role)) {
            response.expectStatus().isAccepted().expectBody().isEmpty();
            verify(commands).dispatch(any());
        } else {
            problem(response, HttpStatus.FORBIDDEN);
            verifyNoInteractions(commands);
        }
    }

    // --- the commands sent ----------------------------------------------------------------------------------

    @Test
    void anUpdateCarriesTheNoteTheNormalisedObservablesTheImpactAndTheCaller() {
        post("updates", """
                {"note": "C2 found", "observables": [{"type": "domain", "value": "Evil.Example."}],
                 "impact": {"functional": "high", "information": "integrity"}}
                """, "ops@venue-tokyo", "venue-tokyo", "operator").expectStatus().isAccepted();

        assertThat(dispatched()).isEqualTo(new UpdateIncidentCommand(ID, "C2 found",
                List.of(Observable.of(ObservableType.DOMAIN, "evil.example")),
                new Impact(Impact.Functional.HIGH, Impact.Information.INTEGRITY, Impact.Recoverability.REGULAR),
                new Viewer("ops@venue-tokyo", "venue-tokyo", false)));
    }

    @Test
    void anUpdateWithoutImpactLeavesItUnchanged() {
        post("updates", "{\"note\": \"n\"}", "coordinator-1", "circc", "coordinator").expectStatus().isAccepted();

        assertThat(dispatched()).isEqualTo(new UpdateIncidentCommand(ID, "n", List.of(), null,
                new Viewer("coordinator-1", "circc", true)));
    }

    @Test
    void lifecycleCommandsCarryTheSummaryOrReasonAndTheCaller() {
        Viewer responder = new Viewer("responder-1", "circc", false);
        Viewer admin = new Viewer("admin", "circc", true);
        post("contain", "{\"summary\": \"isolated\"}", "responder-1", "circc", "responder").expectStatus().isAccepted();
        post("resolve", "{\"summary\": \"patched\"}", "responder-1", "circc", "responder").expectStatus().isAccepted();
        post("close", "{\"summary\": \"reviewed\"}", "admin", "circc", "admin").expectStatus().isAccepted();
        post("withdraw", "{\"reason\": \"false alarm\"}", "ops@venue-tokyo", "venue-tokyo", "operator")
                .expectStatus().isAccepted();

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, org.mockito.Mockito.times(4)).dispatch(sent.capture());
        assertThat(sent.getAllValues()).containsExactly(
                new ContainIncidentCommand(ID, "isolated", responder),
                new ResolveIncidentCommand(ID, "patched", responder),
                new CloseIncidentCommand(ID, "reviewed", admin),
                new WithdrawIncidentCommand(ID, "false alarm", new Viewer("ops@venue-tokyo", "venue-tokyo", false)));
    }

    // --- 404, 403, 409 from the aggregate ----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "123", "3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5"})
    void anIdThatIsNotAUuidIsNotFound(String id) {
        problem(client.post().uri("/api/v1/incidents/" + id + "/contain")
                .headers(h -> identity(h, "responder-1", "circc", "responder"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"summary\": \"s\"}").exchange(), HttpStatus.NOT_FOUND);
        verifyNoInteractions(commands);
    }

    @Test
    void anIncidentTheCallerMayNotSeeIsNotFoundLikeAnUnknownOne() {
        when(commands.dispatch(any())).thenReturn(Mono.error(new IncidentNotVisibleException(ID)));
        JsonNode invisible = problem(post("updates", "{\"note\": \"n\"}", "ops@rail-east", "rail-east", "operator"),
                HttpStatus.NOT_FOUND);

        when(commands.dispatch(any())).thenReturn(Mono.error(new AggregateNotFoundException(ID.toString(), "none")));
        problem(post("updates", "{\"note\": \"n\"}", "ops@rail-east", "rail-east", "operator"), HttpStatus.NOT_FOUND);

        assertThat(invisible.path("detail").asText()).doesNotContain("TLP");
    }

    @Test
    void anIncidentTheCallerMaySeeButNotActOnIsForbidden() {
        when(commands.dispatch(any())).thenReturn(Mono.error(new IncidentActionForbiddenException("only the reporter")));

        JsonNode problem = problem(post("withdraw", "{\"reason\": \"r\"}", "ops@rail-east", "rail-east", "operator"),
                HttpStatus.FORBIDDEN);
        assertThat(problem.path("detail").asText()).isEqualTo("only the reporter");
    }

    @Test
    void anActionTheStateForbidsIsAConflictWithTheReason() {
        String reason = "incident " + ID + " is CLOSED; updates are allowed while REPORTED, TRIAGED";
        when(commands.dispatch(any())).thenReturn(Mono.error(new IllegalIncidentTransitionException(reason)));

        JsonNode problem = problem(post("updates", "{\"note\": \"n\"}", "ops@venue-tokyo", "venue-tokyo", "operator"),
                HttpStatus.CONFLICT);
        assertThat(problem.path("detail").asText()).isEqualTo(reason);
    }

    // --- 422 --------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"updates:note", "withdraw:reason", "contain:summary", "resolve:summary", "close:summary"})
    void aMissingOrBlankTextIsNamed(String routeAndField) {
        String route = routeAndField.split(":")[0];
        String field = routeAndField.split(":")[1];
        String role = route.equals("updates") || route.equals("withdraw") ? "operator" : "coordinator";
        String organisation = role.equals("operator") ? "venue-tokyo" : "circc";
        for (String body : List.of("{}", "{\"" + field + "\": \"  \"}", "")) {
            JsonNode problem = problem(body.isEmpty()
                    ? client.post().uri("/api/v1/incidents/" + ID + "/" + route)
                            .headers(h -> identity(h, "p", organisation, role)).exchange()
                    : post(route, body, "p", organisation, role), HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(fields(problem)).containsExactly(field);
        }
        verifyNoInteractions(commands);
    }

    @Test
    void anUpdateListsEveryOffendingField() {
        JsonNode problem = problem(post("updates", """
                {"observables": [{"type": "ipv4", "value": "999.1.1.1"}, {"type": "carrier-pigeon", "value": "x"}, null],
                 "impact": {"functional": "catastrophic"}}
                """, "ops@venue-tokyo", "venue-tokyo", "operator"), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactlyInAnyOrder("note", "observables[0].value", "observables[1].type",
                "observables[2]", "impact.functional");
        verifyNoInteractions(commands);
    }

    // --- Idempotency-Key on reports ------------------------------------------------------------------------

    @Test
    void anIdempotencyKeyOverOneHundredTwentyEightCharactersIsABadRequest() {
        problem(client.post().uri("/api/v1/incidents")
                .headers(h -> identity(h, "ops@venue-tokyo", "venue-tokyo", "operator"))
                .header("Idempotency-Key", "k".repeat(129))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(IncidentControllerTest.EXAMPLE).exchange(),
                HttpStatus.BAD_REQUEST);
        verifyNoInteractions(commands, idempotentSubmissions);
    }

    @Test
    void aReportWithAKeyGoesThroughTheIdempotentSubmissionsAndAnswersWithTheirIncident() {
        IncidentId original = IncidentId.newId();
        when(idempotentSubmissions.submit(any(), any(), any(), any())).thenReturn(Mono.just(original));

        JsonNode body = client.post().uri("/api/v1/incidents")
                .headers(h -> identity(h, "ops@venue-tokyo", "venue-tokyo", "operator"))
                .header("Idempotency-Key", "k".repeat(128))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(IncidentControllerTest.EXAMPLE).exchange()
                .expectStatus().isAccepted()
                .expectHeader().location("/api/v1/incidents/" + original)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.path("incidentId").asText()).isEqualTo(original.toString());
        verify(idempotentSubmissions).submit(org.mockito.ArgumentMatchers.eq("venue-tokyo"),
                org.mockito.ArgumentMatchers.eq("k".repeat(128)), any(), any());
        verifyNoInteractions(commands);
    }

    @Test
    void theCanonicalHashIgnoresKeyOrderAndWhitespaceButNotValues() {
        var a = new ReportIncidentRequest("t", null, "fraud", "finance", "2026-07-24T10:00:00Z", null, null, null,
                List.of(new ReportIncidentRequest.ObservableRequest("ipv4", "203.0.113.7")));
        var same = new ReportIncidentRequest("t", null, "fraud", "finance", "2026-07-24T10:00:00Z", null, null, null,
                List.of(new ReportIncidentRequest.ObservableRequest("ipv4", "203.0.113.7")));
        var other = new ReportIncidentRequest("t2", null, "fraud", "finance", "2026-07-24T10:00:00Z", null, null, null,
                List.of());

        assertThat(IdempotentSubmissions.canonicalSha256(a)).hasSize(64)
                .isEqualTo(IdempotentSubmissions.canonicalSha256(same))
                .isEqualTo(IdempotentSubmissions.canonicalSha256(
                        Map.of("observables", List.of(Map.of("value", "203.0.113.7", "type", "ipv4")),
                                "sector", "finance", "title", "t", "category", "fraud",
                                "detectedAt", "2026-07-24T10:00:00Z")))
                .isNotEqualTo(IdempotentSubmissions.canonicalSha256(other));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec post(String route, String body, String principal, String organisation,
                                            String role) {
        return client.post().uri("/api/v1/incidents/" + ID + "/" + route)
                .headers(h -> identity(h, principal, organisation, role))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static void identity(org.springframework.http.HttpHeaders headers, String principal, String organisation,
                                 String role) {
        headers.set(IdentityAssertion.PRINCIPAL, principal);
        headers.set(IdentityAssertion.ORGANISATION, organisation);
        headers.set(IdentityAssertion.ROLES, role);
    }

    private Object dispatched() {
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(commands).dispatch(command.capture());
        return command.getValue();
    }
}
