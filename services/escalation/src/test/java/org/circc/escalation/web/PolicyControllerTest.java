package org.circc.escalation.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.circc.contracts.events.Actor;
import org.circc.escalation.command.EscalationPolicy;
import org.circc.escalation.command.PolicySaveOutcome;
import org.circc.escalation.command.SavePolicyCommand;
import org.circc.escalation.command.SeededDirectory;
import org.circc.escalation.query.PolicyRepository;
import org.circc.platform.web.CommandDispatcher;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circc.escalation.web.ProblemResponses.fields;
import static org.circc.escalation.web.ProblemResponses.identity;
import static org.circc.escalation.web.ProblemResponses.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** api.md's policy routes: coordinator/admin only, 201 created / 200 replaced, 422 for broken rules and unknown targets. */
@WebFluxTest(PolicyController.class)
@Import(PolicyControllerTest.Beans.class)
class PolicyControllerTest {

    private static final EscalationPolicy RAIL = new EscalationPolicy("rail", 3, 2, List.of("railways"), List.of(
            new EscalationPolicy.Level(1, List.of("rail-east-soc"), Duration.ofMinutes(3)),
            new EscalationPolicy.Level(2, List.of("duty-coordinator"), Duration.ofMinutes(7), 5)));

    private static final String RAIL_BODY = """
            {"appliesTo": {"minSeverity": 2, "sectors": ["railways"]},
             "levels": [{"level": 1, "targets": ["rail-east-soc"], "ackWithin": "PT3M"},
                        {"level": 2, "targets": ["duty-coordinator"], "ackWithin": "PT7M", "minSeverity": 5}]}
            """;

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        PolicyValidator policyValidator() {
            return new PolicyValidator(new SeededDirectory());
        }
    }

    @Autowired
    WebTestClient client;

    @MockitoBean
    CommandDispatcher commands;

    @MockitoBean
    PolicyRepository policies;

    @BeforeEach
    void policies() {
        when(policies.find("rail")).thenReturn(Optional.of(RAIL));
        when(policies.current()).thenReturn(List.of(RAIL));
    }

    private WebTestClient.ResponseSpec put(String id, String body, String role) {
        return client.put().uri("/api/v1/escalation-policies/" + id)
                .headers(h -> identity(h, role + "-1", "circc", role))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void aNewPolicyIsCreatedWithTheCallerAsActor() {
        when(commands.dispatch(any())).thenReturn(Mono.just(PolicySaveOutcome.CREATED));

        put("rail", RAIL_BODY, "coordinator").expectStatus().isCreated()
                .expectHeader().location("/api/v1/escalation-policies/rail")
                .expectBody()
                .jsonPath("$.id").isEqualTo("rail")
                .jsonPath("$.version").isEqualTo(3)
                .jsonPath("$.appliesTo.sectors[0]").isEqualTo("railways")
                .jsonPath("$.levels[1].ackWithin").isEqualTo("PT7M")
                .jsonPath("$.levels[1].minSeverity").isEqualTo(5);

        verify(commands).dispatch(new SavePolicyCommand(RAIL.withVersion(0),
                Actor.principal("coordinator-1", "circc"), false));
    }

    @Test
    void anExistingPolicyIsReplaced() {
        when(commands.dispatch(any())).thenReturn(Mono.just(PolicySaveOutcome.REPLACED));

        put("rail", RAIL_BODY, "admin").expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"operator", "responder"})
    void onlyCoordinatorsAndAdminsManagePolicies(String role) {
        problem(put("rail", RAIL_BODY, role), HttpStatus.FORBIDDEN);
        problem(client.get().uri("/api/v1/escalation-policies").headers(h -> identity(h, "x", "circc", role))
                .exchange(), HttpStatus.FORBIDDEN);
        verifyNoInteractions(commands);
    }

    @Test
    void unknownTargetsAreUnprocessableWithTheirPaths() {
        JsonNode problem = problem(put("rail", RAIL_BODY.replace("\"duty-coordinator\"", "\"nobody-here\""),
                "coordinator"), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactly("levels[1].targets[0]");
        assertThat(problem.toString()).contains("unknown stakeholder nobody-here");
        verifyNoInteractions(commands);
    }

    @Test
    void anUnknownTargetIsReportedAtTheIndexSentAlongWithEveryOtherError() {
        JsonNode problem = problem(put("rail", """
                {"appliesTo": {"minSeverity": 9},
                 "levels": [{"level": 1, "targets": ["rail-east-soc", "rail-east-soc", "nobody-here"],
                             "ackWithin": "PT3M"}]}
                """, "coordinator"), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactlyInAnyOrder("appliesTo.minSeverity", "levels[0].targets[2]");
        verifyNoInteractions(commands);
    }

    @Test
    void aPutThatLostTheRaceToCreateThePolicyIsDecidedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        when(commands.dispatch(any())).thenReturn(Mono.defer(() -> attempts.incrementAndGet() == 1
                ? Mono.error(new AggregateStreamCreationException("created meanwhile"))
                : Mono.just(PolicySaveOutcome.REPLACED)));

        put("rail", RAIL_BODY, "coordinator").expectStatus().isOk();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void everyBrokenRuleIsAFieldError() {
        JsonNode problem = problem(put("rail", """
                {"id": "other", "appliesTo": {"minSeverity": 7, "sectors": ["railway"]},
                 "levels": [{"level": 2, "targets": [], "ackWithin": "PT0S"},
                            {"level": 1, "targets": ["Bad Slug"], "ackWithin": "five minutes", "minSeverity": -1}]}
                """, "coordinator"), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactlyInAnyOrder("id", "appliesTo.minSeverity", "appliesTo.sectors[0]",
                "levels[0].level", "levels[0].targets", "levels[0].ackWithin", "levels[1].level",
                "levels[1].targets[0]", "levels[1].ackWithin", "levels[1].minSeverity");
        verifyNoInteractions(commands);
    }

    @Test
    void aPolicyWithoutLevelsOrAppliesToIsUnprocessable() {
        JsonNode problem = problem(put("rail", "{\"levels\": []}", "coordinator"), HttpStatus.UNPROCESSABLE_ENTITY);

        assertThat(fields(problem)).containsExactlyInAnyOrder("appliesTo", "levels");
    }

    @Test
    void anIdThatIsNotASlugIsUnprocessable() {
        assertThat(fields(problem(put("Rail_Policy", RAIL_BODY, "coordinator"), HttpStatus.UNPROCESSABLE_ENTITY)))
                .containsExactly("id");
    }

    @Test
    void aBodyOfWrongTypesIsMalformed() {
        problem(put("rail", "{\"levels\": \"many\"}", "coordinator"), HttpStatus.BAD_REQUEST);
        problem(put("rail", "not json", "coordinator"), HttpStatus.BAD_REQUEST);
    }

    @Test
    void policiesAreListedAndReadOneByOne() {
        client.get().uri("/api/v1/escalation-policies").headers(h -> identity(h, "admin", "circc", "admin"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].id").isEqualTo("rail")
                .jsonPath("$.items[0].levels[0].targets[0]").isEqualTo("rail-east-soc")
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(50);
        client.get().uri("/api/v1/escalation-policies/rail")
                .headers(h -> identity(h, "coordinator-1", "circc", "coordinator"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.appliesTo.minSeverity").isEqualTo(2);
    }

    @Test
    void anUnknownPolicyIsNotFound() {
        when(policies.find("nope")).thenReturn(Optional.empty());

        problem(client.get().uri("/api/v1/escalation-policies/nope")
                .headers(h -> identity(h, "coordinator-1", "circc", "coordinator")).exchange(), HttpStatus.NOT_FOUND);
    }
}
