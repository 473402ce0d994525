package org.circc.intake.web;

import org.circc.contracts.identity.IdentityAssertion;
import com.fasterxml.jackson.databind.JsonNode;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.intake.command.IncidentReport;
import org.circc.intake.command.ReportIncidentCommand;
import org.circc.platform.web.CommandDispatcher;
import org.junit.jupiter.api.BeforeEach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circc.intake.web.ProblemResponses.fields;
import static org.circc.intake.web.ProblemResponses.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

@WebFluxTest(IncidentController.class)
@Import(IncidentControllerTest.FixedTimeValidation.class)
class IncidentControllerTest {

    /** The fixed "now" of these tests: an hour and three quarters after the api.md example's detectedAt. */
    static final Instant NOW = Instant.parse("2026-07-24T12:00:00Z");

    static final String EXAMPLE = """
            {
              "title": "DDoS on the ticketing portal",
              "description": "Sustained SYN flood since 10:10",
              "category": "availability:ddos",
              "sector": "games-ticketing",
              "detectedAt": "2026-07-24T10:15:00Z",
              "tlp": "TLP:AMBER",
              "impact": {"functional": "high", "information": "none", "recoverability": "regular"},
              "affectedAssets": ["tickets.example.jp"],
              "observables": [{"type": "ipv4", "value": "203.0.113.7"}]
            }
            """;

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedTimeValidation {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        IncidentReportValidator incidentReportValidator(Clock clock) {
            return new IncidentReportValidator(clock);
        }

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ReportMetrics reportMetrics(SimpleMeterRegistry meterRegistry) {
            return new ReportMetrics(meterRegistry);
        }
    }

    @Autowired
    WebTestClient client;

    @Autowired
    Environment environment;

    @Autowired
    SimpleMeterRegistry meterRegistry;

    @MockitoBean
    CommandDispatcher commands;

    @MockitoBean
    IdempotentSubmissions idempotentSubmissions;

    @BeforeEach
    void dispatchSucceeds() {
        when(commands.dispatch(any())).thenReturn(Mono.empty());
    }

    // --- accepted reports -------------------------------------------------------------------------------

    @Test
    void theApiExampleIsAcceptedWithTheLocationAndLinksOfTheNewIncident() {
        var result = post(EXAMPLE)
                .expectStatus().isAccepted()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class)
                .returnResult();

        URI location = result.getResponseHeaders().getLocation();
        assertThat(location).isNotNull();
        assertThat(location.toString()).matches("/api/v1/incidents/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        String id = location.toString().substring("/api/v1/incidents/".length());
        assertThat(UUID.fromString(id).version()).isEqualTo(4);

        JsonNode body = result.getResponseBody();
        assertThat(body).isNotNull();
        assertThat(body.path("incidentId").asText()).isEqualTo(id);
        assertThat(body.path("status").asText()).isEqualTo("REPORTED");
        assertThat(body.path("links").path("self").asText()).isEqualTo("/api/v1/incidents/" + id);
        assertThat(body.path("links").path("timeline").asText()).isEqualTo("/api/v1/incidents/" + id + "/timeline");

        ReportIncidentCommand command = dispatched();
        assertThat(command.incidentId()).isEqualTo(IncidentId.of(id));
        assertThat(command.reporter()).isEqualTo(Actor.principal("ops@venue-tokyo", "venue-tokyo"));
        assertThat(command.report()).isEqualTo(new IncidentReport(
                "DDoS on the ticketing portal", "Sustained SYN flood since 10:10",
                Category.parse("availability:ddos"), Sector.GAMES_TICKETING, Tlp.AMBER,
                new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                List.of("tickets.example.jp"), List.of(Observable.of(ObservableType.IPV4, "203.0.113.7")),
                Instant.parse("2026-07-24T10:15:00Z")));
    }

    @Test
    void everyReportGetsItsOwnIncidentId() {
        String first = post(EXAMPLE).expectStatus().isAccepted().returnResult(JsonNode.class)
                .getResponseHeaders().getLocation().toString();
        String second = post(EXAMPLE).expectStatus().isAccepted().returnResult(JsonNode.class)
                .getResponseHeaders().getLocation().toString();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void theDispatchedCommandCarriesNormalisedValues() {
        post("""
                {
                  "title": "Defacement and C2 beacons",
                  "category": " Availability:DDoS ",
                  "sector": "Games-Ticketing",
                  "detectedAt": "2026-07-24T19:15:00.5+09:00",
                  "tlp": "tlp:amber",
                  "impact": {"functional": "medium", "information": "integrity", "recoverability": "not-recoverable"},
                  "observables": [
                    {"type": "domain", "value": "Tickets.Example.JP."},
                    {"type": "ipv6", "value": "2001:DB8:0:0:0:0:0:1"},
                    {"type": "sha256", "value": "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"},
                    {"type": "asn", "value": "as64500"}
                  ]
                }
                """)
                .expectStatus().isAccepted();

        IncidentReport report = dispatched().report();
        assertThat(report.category()).isEqualTo(new Category("availability", "ddos"));
        assertThat(report.category().slug()).isEqualTo("availability:ddos");
        assertThat(report.sector()).isEqualTo(Sector.GAMES_TICKETING);
        assertThat(report.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(report.impact()).isEqualTo(new Impact(Impact.Functional.MEDIUM, Impact.Information.INTEGRITY,
                Impact.Recoverability.NOT_RECOVERABLE));
        assertThat(report.detectedAt()).isEqualTo(Instant.parse("2026-07-24T10:15:00.500Z"));
        assertThat(report.observables()).extracting(Observable::type, Observable::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ObservableType.DOMAIN, "tickets.example.jp"),
                org.assertj.core.groups.Tuple.tuple(ObservableType.IPV6, "2001:db8::1"),
                org.assertj.core.groups.Tuple.tuple(ObservableType.SHA256,
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                org.assertj.core.groups.Tuple.tuple(ObservableType.ASN, "AS64500"));
    }

    @Test
    void tlpDefaultsToAmberAndImpactToNoneNoneRegular() {
        post("""
                {"title": "Phishing wave", "category": "fraud:phishing", "sector": "finance",
                 "detectedAt": "2026-07-24T11:00:00Z"}
                """)
                .expectStatus().isAccepted();

        IncidentReport report = dispatched().report();
        assertThat(report.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(report.impact()).isEqualTo(new Impact(Impact.Functional.NONE, Impact.Information.NONE,
                Impact.Recoverability.REGULAR));
        assertThat(report.description()).isNull();
        assertThat(report.affectedAssets()).isEmpty();
        assertThat(report.observables()).isEmpty();
    }

    @Test
    void missingImpactDimensionsTakeTheirDefaults() {
        post("""
                {"title": "Slow portal", "category": "availability", "sector": "games-ticketing",
                 "detectedAt": "2026-07-24T11:00:00Z", "impact": {"functional": "low"}}
                """)
                .expectStatus().isAccepted();

        assertThat(dispatched().report().impact()).isEqualTo(new Impact(Impact.Functional.LOW,
                Impact.Information.NONE, Impact.Recoverability.REGULAR));
    }

    @Test
    void tlpWhiteIsReadAsClear() {
        post(EXAMPLE.replace("\"TLP:AMBER\"", "\"TLP:WHITE\"")).expectStatus().isAccepted();

        assertThat(dispatched().report().tlp()).isEqualTo(Tlp.CLEAR);
    }

    @Test
    void aTitleOfExactlyTwoHundredCharactersIsAccepted() {
        String title = "t".repeat(200);
        post(EXAMPLE.replace("DDoS on the ticketing portal", title)).expectStatus().isAccepted();

        assertThat(dispatched().report().title()).isEqualTo(title);
    }

    @Test
    void aDetectionUpToFiveMinutesAheadOfTheClockIsAccepted() {
        post(EXAMPLE.replace("2026-07-24T10:15:00Z", "2026-07-24T12:05:00Z")).expectStatus().isAccepted();

        assertThat(dispatched().report().detectedAt()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void aThousandObservablesAreAccepted() {
        post(withObservables(1000)).expectStatus().isAccepted();

        assertThat(dispatched().report().observables()).hasSize(1000);
    }

    @Test
    void theBodyLimitComesFromThePlatformDefaults() {
        // circc-platform.yml, added by PlatformDefaultsEnvironmentPostProcessor (spring.factories), reaches the slice
        assertThat(environment.getProperty("spring.codec.max-in-memory-size")).isEqualTo("256KB");
    }

    @Test
    void aBodyJustUnderTheLimitIsAccepted() {
        String description = "x".repeat(250 * 1024);
        post(EXAMPLE.replace("Sustained SYN flood since 10:10", description)).expectStatus().isAccepted();

        assertThat(dispatched().report().description()).hasSize(250 * 1024);
    }

    // --- 400: the body does not parse or has wrong types -----------------------------------------------

    @Test
    void malformedJsonIsABadRequestProblemWithoutAStackTrace() {
        double rejectedBefore = unreadableReportsRejected();

        JsonNode problem = problem(post("{\"title\": \"DDoS\", \"category\": "), HttpStatus.BAD_REQUEST);

        assertThat(unreadableReportsRejected()).isEqualTo(rejectedBefore + 1);
        assertThat(problem.path("type").asText()).isEqualTo("urn:circc:problem:malformed-request");
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.toString())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("org.springframework")
                .doesNotContain("com.fasterxml");
        assertThat(problem.has("trace")).isFalse();
        assertThat(problem.has("stackTrace")).isFalse();
        verifyNoInteractions(commands);
    }

    @Test
    void aFieldOfTheWrongJsonTypeIsABadRequestNamingTheField() {
        JsonNode problem = problem(post(EXAMPLE.replace("\"DDoS on the ticketing portal\"", "{\"text\": \"DDoS\"}")),
                HttpStatus.BAD_REQUEST);

        assertThat(problem.path("detail").asText()).contains("title");
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        verifyNoInteractions(commands);
    }

    @Test
    void observablesThatAreNotAListAreABadRequest() {
        problem(post(EXAMPLE.replace("[{\"type\": \"ipv4\", \"value\": \"203.0.113.7\"}]", "\"203.0.113.7\"")),
                HttpStatus.BAD_REQUEST);

        verifyNoInteractions(commands);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-07-24T10:15:00", "2026-07-24", "yesterday", "2026-07-24T10:15:00 UTC"})
    void aDetectionTimeWithoutAnOffsetIsABadRequest(String detectedAt) {
        JsonNode problem = problem(post(EXAMPLE.replace("2026-07-24T10:15:00Z", detectedAt)), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("detail").asText()).contains("detectedAt");
        assertThat(fields(problem)).containsExactly("detectedAt");
        verifyNoInteractions(commands);
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        JsonNode problem = problem(client.post().uri("/api/v1/incidents")
                .headers(this::operator)
                .contentType(MediaType.APPLICATION_JSON)
                .exchange(), HttpStatus.BAD_REQUEST);

        assertThat(problem.path("detail").asText()).isNotBlank();
        verifyNoInteractions(commands);
    }

    // --- 422: the body parses but breaks a rule --------------------------------------------------------

    @Test
    void aBodyBreakingSeveralRulesListsEveryOffendingField() {
        JsonNode problem = problem(post("""
                {
                  "title": "",
                  "category": "weather:hail",
                  "sector": "space-station",
                  "detectedAt": "2026-07-24T12:05:01Z",
                  "tlp": "TLP:PURPLE",
                  "impact": {"functional": "catastrophic", "information": "secret", "recoverability": "never"},
                  "observables": [
                    {"type": "fax-number", "value": "+81 3 1234 5678"},
                    {"type": "ipv4", "value": "203.0.113.999"},
                    {"type": "domain"}
                  ]
                }
                """), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(problem.path("title").asText()).isEqualTo("Invalid request");
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(fields(problem)).containsExactlyInAnyOrder(
                "title", "category", "sector", "detectedAt", "tlp",
                "impact.functional", "impact.information", "impact.recoverability",
                "observables[0].type", "observables[1].value", "observables[2].value");
        assertThat(problem.path("errors")).allSatisfy(error -> assertThat(error.path("message").asText()).isNotBlank());
        verifyNoInteractions(commands);
    }

    @Test
    void aNullAffectedAssetIsInvalidNotAServerError() {
        JsonNode problem = problem(post(EXAMPLE.replace("[\"tickets.example.jp\"]", "[null, \"tickets.example.jp\"]")),
                HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactly("affectedAssets[0]");
        verifyNoInteractions(commands);
    }

    @Test
    void nullEntriesInListsAreInvalidNotAServerError() {
        JsonNode problem = problem(post(EXAMPLE
                        .replace("[\"tickets.example.jp\"]", "[\"tickets.example.jp\", null]")
                        .replace("[{\"type\": \"ipv4\", \"value\": \"203.0.113.7\"}]", "[null]")),
                HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactlyInAnyOrder("affectedAssets[1]", "observables[0]");
        verifyNoInteractions(commands);
    }

    @Test
    void missingRequiredFieldsAreEachNamed() {
        JsonNode problem = problem(post("{\"description\": \"no details yet\"}"), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactlyInAnyOrder("title", "category", "sector", "detectedAt");
        verifyNoInteractions(commands);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "bell\\u0007in the title", "line\\nbreak", "tab\\tcharacter", "delete\\u007f"})
    void anEmptyOrControlCharacterTitleIsInvalid(String title) {
        JsonNode problem = problem(post(EXAMPLE.replace("DDoS on the ticketing portal", title)),
                HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactly("title");
        verifyNoInteractions(commands);
    }

    @Test
    void aTitleOverTwoHundredCharactersIsInvalid() {
        JsonNode problem = problem(post(EXAMPLE.replace("DDoS on the ticketing portal", "t".repeat(201))),
                HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactly("title");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("200");
        verifyNoInteractions(commands);
    }

    @Test
    void aDetectionMoreThanFiveMinutesInTheFutureIsInvalid() {
        JsonNode problem = problem(post(EXAMPLE.replace("2026-07-24T10:15:00Z", "2026-07-24T21:05:01+09:00")),
                HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactly("detectedAt");
        verifyNoInteractions(commands);
    }

    @Test
    void moreThanAThousandObservablesAreInvalid() {
        JsonNode problem = problem(post(withObservables(1001)), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactly("observables");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("1000");
        verifyNoInteractions(commands);
    }

    // --- 413: the body is too large --------------------------------------------------------------------

    @Test
    void aBodyOverTheLimitIsPayloadTooLarge() {
        String description = "x".repeat(257 * 1024);
        JsonNode problem = post(EXAMPLE.replace("Sustained SYN flood since 10:10", description))
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();

        assertThat(problem).isNotNull();
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("type").asText()).isEqualTo("urn:circc:problem:payload-too-large");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).contains("256 KiB");
        assertThat(problem.toString()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("xxxxxxxx");
        verifyNoInteractions(commands);
    }

    // --- 401 and 403: who may report -------------------------------------------------------------------

    @Test
    void aRequestWithoutIdentityIsUnauthenticated() {
        JsonNode problem = problem(client.post().uri("/api/v1/incidents")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(EXAMPLE)
                .exchange(), HttpStatus.UNAUTHORIZED);

        assertThat(problem.path("detail").asText()).isNotBlank();
        verifyNoInteractions(commands);
    }

    @Test
    void aRequestWithoutRolesIsUnauthenticated() {
        problem(client.post().uri("/api/v1/incidents")
                .header(IdentityAssertion.PRINCIPAL, "ops@venue-tokyo")
                .header(IdentityAssertion.ORGANISATION, "venue-tokyo")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(EXAMPLE)
                .exchange(), HttpStatus.UNAUTHORIZED);

        verifyNoInteractions(commands);
    }

    @ParameterizedTest
    @ValueSource(strings = {"responder", "coordinator", "admin"})
    void onlyAnOperatorMayReport(String role) {
        JsonNode problem = problem(client.post().uri("/api/v1/incidents")
                .header(IdentityAssertion.PRINCIPAL, role + "-1")
                .header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, role)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(EXAMPLE)
                .exchange(), HttpStatus.FORBIDDEN);

        assertThat(problem.path("detail").asText()).isNotBlank();
        verifyNoInteractions(commands);
    }

    @Test
    void aForbiddenCallerLearnsNothingAboutTheBody() {
        // role is checked before the body is validated: a responder sending garbage still gets 403
        problem(client.post().uri("/api/v1/incidents")
                .header(IdentityAssertion.PRINCIPAL, "responder-1")
                .header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, "responder")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"\"}")
                .exchange(), HttpStatus.FORBIDDEN);

        verifyNoInteractions(commands);
    }

    // --- 500: failures never leak internals ------------------------------------------------------------

    @Test
    void aFailedDispatchIsAnInternalErrorProblemWithoutTheExceptionText() {
        when(commands.dispatch(any())).thenReturn(Mono.error(new IllegalStateException("jdbc:postgresql://secret-host")));

        JsonNode problem = problem(post(EXAMPLE), HttpStatus.INTERNAL_SERVER_ERROR);

        assertThat(problem.path("detail").asText()).contains("reference").doesNotContain("secret-host");
        assertThat(problem.toString()).doesNotContain("IllegalStateException");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec post(String body) {
        return client.post().uri("/api/v1/incidents")
                .headers(this::operator)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private double unreadableReportsRejected() {
        return meterRegistry.find("circc.intake.reports").tags("outcome", "rejected", "sector", "invalid").counters()
                .stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    private void operator(HttpHeaders headers) {
        headers.set(IdentityAssertion.PRINCIPAL, "ops@venue-tokyo");
        headers.set(IdentityAssertion.ORGANISATION, "venue-tokyo");
        headers.set(IdentityAssertion.ROLES, "operator");
    }

    private ReportIncidentCommand dispatched() {
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(commands).dispatch(command.capture());
        assertThat(command.getValue()).isInstanceOf(ReportIncidentCommand.class);
        return (ReportIncidentCommand) command.getValue();
    }

    private static String withObservables(int count) {
        List<String> observables = new ArrayList<>(count);
        IntStream.range(0, count).forEach(i ->
                observables.add("{\"type\": \"ipv4\", \"value\": \"10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256) + "\"}"));
        return EXAMPLE.replace("[{\"type\": \"ipv4\", \"value\": \"203.0.113.7\"}]", "[" + String.join(",", observables) + "]");
    }
}
