package org.circc.apicontract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ApiContractTest {

    private static final String PUBLISHED = """
            openapi: 3.0.3
            paths:
              /api/v1/things/{id}:
                parameters:
                  - {name: id, in: path, required: true, schema: {type: string}}
                post:
                  tags: [things]
                  parameters:
                    - {name: Idempotency-Key, in: header, schema: {type: string}}
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/Thing'}
                  responses:
                    '202': {description: accepted}
              /api/v1/others:
                get:
                  tags: [others]
                  responses:
                    '200': {description: ok}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    name: {type: string}
                    level: {allOf: [{$ref: '#/components/schemas/Level'}]}
                Level: {type: integer}
            """;

    @TempDir
    Path directory;

    @Test
    void aServiceThatServesExactlyTheDocumentedOperationsAgrees() throws Exception {
        assertThat(contract().disagreementsWith(generated("""
                {"paths": {"/api/v1/things/{id}": {"post": {
                  "parameters": [{"name": "id", "in": "path", "required": true},
                                 {"name": "Idempotency-Key", "in": "header", "required": false}],
                  "requestBody": {"content": {"application/json": {"schema": {"type": "object",
                    "properties": {"name": {"type": "string"}, "level": {"type": "integer"}}}}}},
                  "responses": {"202": {"description": "Accepted"}}}}}}
                """), "things")).isEmpty();
    }

    @Test
    void everyKindOfDisagreementIsNamed() throws Exception {
        assertThat(contract().disagreementsWith(generated("""
                {"paths": {
                  "/api/v1/things/{id}": {"post": {
                    "parameters": [{"name": "id", "in": "path", "required": true}],
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object",
                      "properties": {"name": {"type": "string"}, "level": {"type": "string"}}}}}},
                    "responses": {"202": {"description": "Accepted"}}}},
                  "/api/v1/extra": {"get": {"responses": {"200": {"description": "OK"}}}}}}
                """), "things")).containsExactlyInAnyOrder(
                "GET /api/v1/extra: served by the service, not in docs/openapi.yaml (tag things)",
                "POST /api/v1/things/{id} parameters: docs/openapi.yaml [header:idempotency-key?, path:id], service [path:id]",
                "POST /api/v1/things/{id} request body property level: docs/openapi.yaml integer, service string");
    }

    @Test
    void aDocumentedOperationTheServiceDoesNotServeIsNamed() throws Exception {
        assertThat(contract().disagreementsWith(generated("{\"paths\": {}}"), "others"))
                .containsExactly("GET /api/v1/others: in docs/openapi.yaml, not served by the service");
    }

    @Test
    void theRepositoryDocumentIsFoundFromAModuleDirectory() {
        assertThat(ApiContract.published().disagreementsWith(generated("{\"paths\": {}}"), "intake"))
                .anySatisfy(problem -> assertThat(problem).startsWith("POST /api/v1/incidents:"));
    }

    private ApiContract contract() throws Exception {
        Path file = directory.resolve("openapi.yaml");
        Files.writeString(file, PUBLISHED);
        return ApiContract.of(file);
    }

    private static JsonNode generated(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
