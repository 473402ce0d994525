package org.circc.escalation.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.circc.apicontract.ApiContract;
import org.circc.apicontract.GeneratedApiDocs;
import org.circc.escalation.command.SeededDirectory;
import org.circc.escalation.command.StakeholderDirectory;
import org.circc.escalation.query.IncidentRegistry;
import org.circc.escalation.query.PolicyRepository;
import org.circc.platform.web.CommandDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What escalation's controllers generate (springdoc) agrees with docs/openapi.yaml for every escalation operation. */
@WebFluxTest(controllers = {PolicyController.class, AcknowledgementController.class},
        properties = GeneratedApiDocs.ENABLED)
@Import({GeneratedApiDocs.class, OpenApiContractTest.Beans.class})
class OpenApiContractTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        StakeholderDirectory stakeholderDirectory() {
            return new SeededDirectory();
        }

        @Bean
        PolicyValidator policyValidator(StakeholderDirectory directory) {
            return new PolicyValidator(directory);
        }
    }

    @Autowired
    WebTestClient client;

    @MockitoBean
    CommandDispatcher commands;

    @MockitoBean
    PolicyRepository policies;

    @MockitoBean
    IncidentRegistry registry;

    @Test
    void theGeneratedDocumentAgreesWithThePublishedOne() {
        JsonNode generated = client.get().uri(GeneratedApiDocs.PATH).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(ApiContract.published().disagreementsWith(generated, "escalation")).isEmpty();
    }
}
