package org.circc.intake.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.circc.apicontract.ApiContract;
import org.circc.apicontract.GeneratedApiDocs;
import org.circc.platform.web.CommandDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What intake's controllers generate (springdoc) agrees with docs/openapi.yaml for every intake operation. */
@WebFluxTest(controllers = IncidentController.class, properties = GeneratedApiDocs.ENABLED)
@Import({GeneratedApiDocs.class, IncidentControllerTest.FixedTimeValidation.class})
class OpenApiContractTest {

    @Autowired
    WebTestClient client;

    @MockitoBean
    CommandDispatcher commands;

    @MockitoBean
    IdempotentSubmissions idempotentSubmissions;

    @Test
    void theGeneratedDocumentAgreesWithThePublishedOne() {
        JsonNode generated = client.get().uri(GeneratedApiDocs.PATH).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(ApiContract.published().disagreementsWith(generated, "intake")).isEmpty();
    }
}
