package org.circc.notification.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.circc.contracts.identity.IdentityAssertion;
import org.circc.notification.command.DeliveryNotResendable;
import org.circc.notification.command.ResendDeliveryCommand;
import org.circc.notification.query.DeliveryQueries;
import org.circc.notification.query.DeliveryView;
import org.circc.platform.web.CommandDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The deliveries API: filters, paging, roles, and resend's 202, 404 and 409. */
@WebFluxTest(DeliveryController.class)
class DeliveryControllerTest {

    private static final UUID DELIVERY = UUID.fromString("6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");

    @Autowired
    WebTestClient client;

    @MockitoBean
    CommandDispatcher commands;

    @MockitoBean
    DeliveryQueries deliveries;

    private WebTestClient.RequestHeadersSpec<?> as(String role, WebTestClient.RequestHeadersSpec<?> request) {
        return request.header(IdentityAssertion.PRINCIPAL, role + "-1")
                .header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, role);
    }

    @Test
    void theListFiltersByIncidentStakeholderAndRepeatedStates() {
        DeliveryView view = new DeliveryView(DELIVERY, "csirt-oncall", "email", "8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a",
                null, 1, "escalation.level-raised", true, "FAILED",
                List.of(new DeliveryView.Attempt(1, Instant.parse("2026-07-24T10:20:00Z"), "retryable-failure", 503,
                        "HTTP 503", 12)), Instant.parse("2026-07-24T10:19:59Z"), null);
        when(deliveries.list("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a", "csirt-oncall", List.of("FAILED", "DEAD_LETTERED"),
                1, 10)).thenReturn(new DeliveryQueries.Page(List.of(view), 11));

        as("coordinator", client.get().uri("/api/v1/deliveries?incidentId=8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a"
                + "&stakeholderId=csirt-oncall&state=FAILED&state=DEAD_LETTERED&page=1&size=10")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(10)
                .jsonPath("$.total").isEqualTo(11)
                .jsonPath("$.items[0].deliveryId").isEqualTo(DELIVERY.toString())
                .jsonPath("$.items[0].state").isEqualTo("FAILED")
                .jsonPath("$.items[0].attempts[0].status").isEqualTo(503)
                .jsonPath("$.items[0].attempts[0].outcome").isEqualTo("retryable-failure")
                .jsonPath("$.items[0].deliveredAt").doesNotExist();
    }

    @Test
    void anUnknownStateIsAFieldError() {
        as("coordinator", client.get().uri("/api/v1/deliveries?state=LOST")).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("state");
        verifyNoInteractions(deliveries);
    }

    @Test
    void pagesAreAtMostFiveHundred() {
        as("coordinator", client.get().uri("/api/v1/deliveries?size=501")).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"operator", "responder"})
    void onlyCoordinatorsAndAdminsSeeDeliveries(String role) {
        as(role, client.get().uri("/api/v1/deliveries")).exchange().expectStatus().isForbidden();
        as(role, client.post().uri("/api/v1/deliveries/" + DELIVERY + "/resend")).exchange()
                .expectStatus().isForbidden();
        verifyNoInteractions(deliveries, commands);
    }

    @Test
    void aResendIsAccepted() {
        when(commands.dispatch(any())).thenReturn(Mono.empty());

        as("admin", client.post().uri("/api/v1/deliveries/" + DELIVERY + "/resend")).exchange()
                .expectStatus().isAccepted();

        verify(commands).dispatch(eq(new ResendDeliveryCommand(DELIVERY,
                org.circc.contracts.events.Actor.principal("admin-1", "circc"))));
    }

    @Test
    void aResendOfADeliveryNeitherFailedNorDeadLetteredIsAConflict() {
        when(commands.dispatch(any())).thenReturn(Mono.error(new DeliveryNotResendable("delivery is DELIVERED")));

        as("coordinator", client.post().uri("/api/v1/deliveries/" + DELIVERY + "/resend")).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.detail").isEqualTo("delivery is DELIVERED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "not-a-uuid"})
    void aResendOfAnUnknownDeliveryIsNotFound(String id) {
        when(commands.dispatch(any())).thenReturn(Mono.error(new AggregateNotFoundException(id, "no events")));

        as("coordinator", client.post().uri("/api/v1/deliveries/" + id + "/resend")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void withoutIdentityHeadersTheCallerIsUnauthenticated() {
        client.get().uri("/api/v1/deliveries").exchange().expectStatus().isUnauthorized();
        verify(deliveries, org.mockito.Mockito.never()).list(anyString(), anyString(), any(), anyInt(), anyInt());
    }
}
