package org.circc.notification.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.circc.contracts.identity.IdentityAssertion;
import org.circc.notification.command.DirectoryRuleViolation;
import org.circc.notification.command.RegisterStakeholderCommand;
import org.circc.notification.messaging.TargetGuard;
import org.circc.notification.query.StakeholderDirectory;
import org.circc.platform.web.CommandDispatcher;
import org.junit.jupiter.api.Test;
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

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The directory API's answers: 201 without the secret, 409, 404, 422 for refused targets, 400 for bad JSON. */
@WebFluxTest(StakeholderController.class)
@Import(StakeholderControllerTest.Beans.class)
class StakeholderControllerTest {

    private static final String BODY = """
            {"id": "rail-east-soc", "name": "Rail East SOC", "kind": "organisation", "organisation": "rail-east",
             "clearance": "TLP:AMBER",
             "channels": [{"type": "webhook", "url": "https://203.0.113.7/hook", "secret": "0123456789abcdef"}],
             "subscriptions": {"sectors": ["railways"], "minSeverity": 2}}
            """;

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        /** outside the embedded default: private targets refused */
        @Bean
        StakeholderValidator stakeholderValidator() {
            return new StakeholderValidator(new TargetGuard(false));
        }
    }

    @Autowired
    WebTestClient client;

    @MockitoBean
    CommandDispatcher commands;

    @MockitoBean
    StakeholderDirectory directory;

    private WebTestClient.ResponseSpec post(String body) {
        return client.post().uri("/api/v1/stakeholders").contentType(MediaType.APPLICATION_JSON)
                .header(IdentityAssertion.PRINCIPAL, "coordinator-1").header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, "coordinator").bodyValue(body).exchange();
    }

    @Test
    void aRegistrationIsCreatedAndAnsweredWithoutItsSecret() {
        when(commands.dispatch(any())).thenReturn(Mono.empty());

        post(BODY).expectStatus().isCreated()
                .expectHeader().location("/api/v1/stakeholders/rail-east-soc")
                .expectBody()
                .jsonPath("$.channels[0].url").isEqualTo("https://203.0.113.7/hook")
                .jsonPath("$.channels[0].secret").doesNotExist()
                .jsonPath("$.subscriptions.minSeverity").isEqualTo(2);

        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(commands).dispatch(command.capture());
        RegisterStakeholderCommand register = (RegisterStakeholderCommand) command.getValue();
        assertThat(register.webhookSecrets()).isEqualTo(Map.of("https://203.0.113.7/hook", "0123456789abcdef"));
        assertThat(register.seeding()).isFalse();
    }

    @Test
    void anExistingIdIsAConflict() {
        when(commands.dispatch(any())).thenReturn(Mono.error(new DirectoryRuleViolation(
                DirectoryRuleViolation.Kind.ALREADY_EXISTS, "id", "stakeholder rail-east-soc already exists")));

        post(BODY).expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aPrivateWebhookTargetIsRefusedOutsideTheEmbeddedDefault() {
        post(BODY.replace("https://203.0.113.7/hook", "http://192.168.1.20/hook"))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channels[0].url");
        verifyNoInteractions(commands);
    }

    @Test
    void aReplacementOfAnUnknownStakeholderIsNotFound() {
        when(commands.dispatch(any())).thenReturn(Mono.error(new AggregateNotFoundException("ghost", "none")));

        client.put().uri("/api/v1/stakeholders/ghost").contentType(MediaType.APPLICATION_JSON)
                .header(IdentityAssertion.PRINCIPAL, "admin").header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, "admin").bodyValue(BODY.replace("rail-east-soc", "ghost")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aWebhookWithoutASecretIsAFieldErrorOfThatChannel() {
        when(commands.dispatch(any())).thenReturn(Mono.error(new DirectoryRuleViolation(
                DirectoryRuleViolation.Kind.MISSING_SECRET, "channels[0].secret", "a webhook needs a secret")));

        post(BODY.replace(", \"secret\": \"0123456789abcdef\"", ""))
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channels[0].secret");
    }

    @Test
    void aStakeholderAPolicyTargetsCannotBeRemoved() {
        when(commands.dispatch(any())).thenReturn(Mono.error(new DirectoryRuleViolation(
                DirectoryRuleViolation.Kind.STILL_TARGETED, null, "an escalation policy targets it")));

        client.delete().uri("/api/v1/stakeholders/csirt-oncall")
                .header(IdentityAssertion.PRINCIPAL, "admin").header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, "admin").exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void malformedJsonIsABadRequest() {
        post("{\"id\": ").expectStatus().isBadRequest();
        verifyNoInteractions(commands);
    }
}
