package org.circc.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsTest extends GatewayTestSupport {

    @Test
    void theOpenApiDocumentIsServedAsJsonToAnyone() {
        JsonNode document = client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.path("paths").has("/api/v1/incidents")).isTrue();
        assertThat(document.path("components").path("securitySchemes").size()).isEqualTo(2);
    }

    @Test
    void andAsYaml() {
        client.get().uri("/v3/api-docs.yaml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/yaml")
                .expectBody(String.class).value(yaml -> assertThat(yaml).startsWith("openapi: "));
    }

    /** Every operation the document describes is a route the gateway has, and admits the roles it lists. */
    @Test
    void everyDocumentedOperationIsRoutedWithTheDocumentedRoles() {
        JsonNode paths = client.get().uri("/v3/api-docs").exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("paths");
        List<String> checked = new ArrayList<>();

        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!operation.getValue().has("operationId")) {
                return;
            }
            HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            List<String> documented = new ArrayList<>();
            operation.getValue().path("x-circc-roles").forEach(role -> documented.add(role.asText()));

            assertThat(org.circc.gateway.security.RouteAccessRules.rolesFor(method, concrete))
                    .as(method + " " + path.getKey())
                    .hasValueSatisfying(roles -> assertThat(roles.stream().map(role -> role.id()).toList())
                            .containsExactlyInAnyOrderElementsOf(documented));
            checked.add(method + " " + path.getKey());
        }));

        assertThat(checked).hasSizeGreaterThanOrEqualTo(30);
    }
}
