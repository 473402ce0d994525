package org.circc.escalation.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.sharing.Viewer;
import org.circc.escalation.command.AcknowledgeEscalationCommand;
import org.circc.escalation.command.AcknowledgementForbiddenException;
import org.circc.escalation.command.EscalationMergedException;
import org.circc.escalation.command.EscalationNotRunningException;
import org.circc.escalation.command.IncidentNotVisibleException;
import org.circc.escalation.command.IncidentSharing;
import org.circc.escalation.command.SeededDirectory;
import org.circc.escalation.command.StakeholderDirectory;
import org.circc.escalation.query.IncidentRecord;
import org.circc.escalation.query.IncidentRegistry;
import org.circc.platform.web.CommandDispatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.circc.escalation.web.ProblemResponses.identity;
import static org.circc.escalation.web.ProblemResponses.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The acknowledge route: roles, the aggregate's 404/403/409 answers, and incidents without a chain. */
@WebFluxTest(AcknowledgementController.class)
@Import(AcknowledgementControllerTest.Beans.class)
class AcknowledgementControllerTest {

    private static final IncidentId ID = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final IncidentSharing AMBER_STRICT = new IncidentSharing("venue-tokyo", Tlp.AMBER_STRICT,
            Sector.GAMES_TICKETING);

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        StakeholderDirectory stakeholderDirectory() {
            return new SeededDirectory();
        }
    }

    @Autowired
    WebTestClient client;

    @MockitoBean
    CommandDispatcher commands;

    @MockitoBean
    IncidentRegistry registry;

    @BeforeEach
    void aTriagedIncident() {
        when(registry.find(ID)).thenReturn(Optional.of(new IncidentRecord(ID, Optional.of(CAMPAIGN),
                Optional.of(AMBER_STRICT))));
        when(commands.dispatch(any())).thenReturn(Mono.empty());
    }

    private WebTestClient.ResponseSpec acknowledge(String id, String principal, String organisation, String role) {
        return client.post().uri("/api/v1/incidents/" + id + "/acknowledge")
                .headers(h -> identity(h, principal, organisation, role))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\": \"on it\"}").exchange();
    }

    @Test
    void theAcknowledgementGoesToTheCampaignsChainWithTheCallerAndTheIncidentsFacts() {
        acknowledge(ID.toString(), "responder-1", "circc", "responder").expectStatus().isAccepted()
                .expectBody().isEmpty();

        verify(commands).dispatch(new AcknowledgeEscalationCommand(CAMPAIGN, ID, AMBER_STRICT,
                new Viewer("responder-1", "circc", false), Actor.principal("responder-1", "circc"), "on it"));
    }

    @Test
    void anAcknowledgementWithoutABodyIsFine() {
        client.post().uri("/api/v1/incidents/" + ID + "/acknowledge")
                .headers(h -> identity(h, "coordinator-1", "circc", "coordinator"))
                .exchange().expectStatus().isAccepted();
    }

    @Test
    void operatorsMayNeverAcknowledge() {
        problem(acknowledge(ID.toString(), "ops@venue-tokyo", "venue-tokyo", "operator"), HttpStatus.FORBIDDEN);
        verifyNoInteractions(commands);
    }

    @Test
    void theAggregatesRefusalsBecomeProblems() {
        when(commands.dispatch(any())).thenReturn(Mono.error(new IncidentNotVisibleException(ID)));
        problem(acknowledge(ID.toString(), "responder-1", "circc", "responder"), HttpStatus.NOT_FOUND);

        when(commands.dispatch(any())).thenReturn(Mono.error(new AcknowledgementForbiddenException("not targeted")));
        problem(acknowledge(ID.toString(), "responder-1", "circc", "responder"), HttpStatus.FORBIDDEN);

        when(commands.dispatch(any())).thenReturn(Mono.error(new EscalationNotRunningException("ended")));
        problem(acknowledge(ID.toString(), "responder-1", "circc", "responder"), HttpStatus.CONFLICT);
    }

    @Test
    void aConflictingAppendIsDecidedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        when(commands.dispatch(any())).thenReturn(Mono.defer(() -> attempts.incrementAndGet() == 1
                ? Mono.error(new ConcurrencyException("appended meanwhile")) : Mono.empty()));

        acknowledge(ID.toString(), "responder-1", "circc", "responder").expectStatus().isAccepted();
        org.assertj.core.api.Assertions.assertThat(attempts).hasValue(2);
    }

    /** The campaign merged away between the look-up and the command: the chain continues in the survivor. */
    @Test
    void anAcknowledgementReachingAChainThatMergedAwayGoesToItsSurvivor() {
        CampaignId survivor = CampaignId.of("5d7e9f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a");
        AcknowledgeEscalationCommand toMerged = new AcknowledgeEscalationCommand(CAMPAIGN, ID, AMBER_STRICT,
                new Viewer("responder-1", "circc", false), Actor.principal("responder-1", "circc"), "on it");
        when(commands.dispatch(toMerged)).thenReturn(Mono.error(new EscalationMergedException(CAMPAIGN, survivor)));
        when(commands.dispatch(toMerged.atCampaign(survivor))).thenReturn(Mono.empty());

        acknowledge(ID.toString(), "responder-1", "circc", "responder").expectStatus().isAccepted();

        verify(commands).dispatch(toMerged.atCampaign(survivor));
    }

    @Test
    void anUnknownOrMalformedIdIsNotFound() {
        when(registry.find(any())).thenReturn(Optional.empty());
        problem(acknowledge("3f2b8c1e-9a4d-4e5f-8b6a-000000000000", "coordinator-1", "circc", "coordinator"),
                HttpStatus.NOT_FOUND);
        problem(acknowledge("not-an-id", "coordinator-1", "circc", "coordinator"), HttpStatus.NOT_FOUND);
        verifyNoInteractions(commands);
    }

    @Test
    void anIncidentWithoutAChainIsAConflictForWhoeverSeesItAndNotFoundForOthers() {
        when(commands.dispatch(any())).thenReturn(Mono.error(new AggregateNotFoundException(CAMPAIGN.toString(), "no")));

        problem(acknowledge(ID.toString(), "responder-1", "circc", "responder"), HttpStatus.CONFLICT);
        problem(acknowledge(ID.toString(), "someone@rail-east", "rail-east", "responder"), HttpStatus.NOT_FOUND);
    }

    @Test
    void anUntriagedIncidentHasNothingToAcknowledge() {
        when(registry.find(ID)).thenReturn(Optional.of(new IncidentRecord(ID, Optional.empty(),
                Optional.of(AMBER_STRICT))));

        problem(acknowledge(ID.toString(), "coordinator-1", "circc", "coordinator"), HttpStatus.CONFLICT);
        verifyNoInteractions(commands);
    }

    @Test
    void aTooLongNoteIsUnprocessable() {
        problem(client.post().uri("/api/v1/incidents/" + ID + "/acknowledge")
                .headers(h -> identity(h, "coordinator-1", "circc", "coordinator"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\": \"" + "x".repeat(AcknowledgementController.MAX_NOTE_LENGTH + 1) + "\"}")
                .exchange(), HttpStatus.UNPROCESSABLE_ENTITY);
    }
}
