package org.circc.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The public API as one OpenAPI 3 document: {@code docs/openapi.yaml}, packaged into the gateway at build time,
 * served as JSON at {@code /v3/api-docs} and as written at {@code /v3/api-docs.yaml}. Anyone may read it.
 */
@RestController
public class ApiDocsController {

    public static final String[] PATHS = {"/v3/api-docs", "/v3/api-docs.yaml"};

    static final String DOCUMENT = "openapi/openapi.yaml";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final String yaml;
    private final String json;

    public ApiDocsController(ObjectMapper objectMapper) {
        try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
            this.yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            this.json = objectMapper.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway is built with docs/openapi.yaml as " + DOCUMENT, e);
        }
    }

    @GetMapping(value = "/v3/api-docs", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    @GetMapping(value = "/v3/api-docs.yaml")
    public ResponseEntity<String> yaml() {
        return ResponseEntity.ok().contentType(YAML).body(yaml);
    }
}
