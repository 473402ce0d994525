package org.circc.notification.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.circc.apicontract.ApiContract;
import org.circc.apicontract.GeneratedApiDocs;
import org.circc.notification.messaging.StreamHub;
import org.circc.notification.messaging.TargetGuard;
import org.circc.notification.query.DeliveryQueries;
import org.circc.notification.query.StakeholderDirectory;
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

/** What notification's controllers generate (springdoc) agrees with docs/openapi.yaml for every notification operation. */
@WebFluxTest(controllers = {StakeholderController.class, DeliveryController.class, StreamController.class},
        properties = GeneratedApiDocs.ENABLED)
@Import({GeneratedApiDocs.class, OpenApiContractTest.Beans.class})
class OpenApiContractTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

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

    @MockitoBean
    DeliveryQueries deliveries;

    @MockitoBean
    StreamHub hub;

    @Test
    void theGeneratedDocumentAgreesWithThePublishedOne() {
        JsonNode generated = client.get().uri(GeneratedApiDocs.PATH).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(ApiContract.published().disagreementsWith(generated, "notification")).isEmpty();
    }
}
