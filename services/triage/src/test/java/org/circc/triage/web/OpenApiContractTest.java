package org.circc.triage.web;

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

/** What triage's controller generates (springdoc) agrees with docs/openapi.yaml for every triage operation. */
@WebFluxTest(controllers = TriageController.class, properties = GeneratedApiDocs.ENABLED)
@Import(GeneratedApiDocs.class)
class OpenApiContractTest {

    @Autowired
    WebTestClient client;

    @MockitoBean
    CommandDispatcher commands;

    @Test
    void theGeneratedDocumentAgreesWithThePublishedOne() {
        JsonNode generated = client.get().uri(GeneratedApiDocs.PATH).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(ApiContract.published().disagreementsWith(generated, "triage")).isEmpty();
    }
}
