package org.circc.timeline.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.circc.apicontract.ApiContract;
import org.circc.apicontract.GeneratedApiDocs;
import org.circc.contracts.Severity;
import org.circc.platform.config.ClockConfiguration;
import org.circc.timeline.messaging.ReadModelRebuild;
import org.circc.timeline.query.IncidentQueries;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What timeline's controllers generate (springdoc) agrees with docs/openapi.yaml for every timeline operation. */
@WebFluxTest(controllers = {IncidentController.class, ReviewController.class, ReportController.class,
        AdminController.class}, properties = GeneratedApiDocs.ENABLED)
@Import({GeneratedApiDocs.class, ClockConfiguration.class, OpenApiContractTest.Beans.class})
class OpenApiContractTest {

    static {
        // Severity is written through a @JsonValue record as {level, name}; springdoc takes it for a string
        SpringDocUtils.getConfig().replaceWithSchema(Severity.class, new ObjectSchema()
                .addProperty("level", new IntegerSchema())
                .addProperty("name", new StringSchema()));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        /**
         * The report's body depends on {@code ?format=} (ResponseEntity of Object): springdoc cannot see that
         * {@code json} is a {@link ReportController.JsonReport}, so it is told, and the JSON shape is compared.
         */
        @Bean
        OpenApiCustomizer jsonReport() {
            return openApi -> {
                ModelConverters.getInstance().read(ReportController.JsonReport.class)
                        .forEach(openApi.getComponents()::addSchemas);
                openApi.getPaths().get("/api/v1/incidents/{id}/report").getGet().getResponses().get("200")
                        .setContent(new Content().addMediaType(MediaType.APPLICATION_JSON_VALUE,
                                new io.swagger.v3.oas.models.media.MediaType()
                                        .schema(new Schema<>().$ref(ReportController.JsonReport.class.getSimpleName()))));
            };
        }
    }

    @Autowired
    WebTestClient client;

    @MockitoBean
    IncidentQueries queries;

    @MockitoBean
    ReadModelRebuild rebuild;

    @Test
    void theGeneratedDocumentAgreesWithThePublishedOne() {
        JsonNode generated = client.get().uri(GeneratedApiDocs.PATH).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(ApiContract.published().disagreementsWith(generated, "timeline")).isEmpty();
    }
}
