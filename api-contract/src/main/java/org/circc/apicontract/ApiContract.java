package org.circc.apicontract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The public API document ({@code docs/openapi.yaml}) against what a service's controllers generate: for every
 * operation of the service's tag, the same method and path, the same parameters (name, location, required), and
 * request and response bodies with the same properties of the same JSON types. Formats, patterns and enums are
 * the document's to state: springdoc cannot know them from Java types.
 */
public final class ApiContract {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode document;

    private ApiContract(JsonNode document) {
        this.document = document;
    }

    /** {@code docs/openapi.yaml} of this repository, found from the directory the tests run in upwards. */
    public static ApiContract published() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("openapi.yaml");
            if (Files.exists(candidate)) {
                return of(candidate);
            }
        }
        throw new IllegalStateException("no docs/openapi.yaml in " + start + " or above");
    }

    public static ApiContract of(Path documentPath) {
        try {
            return new ApiContract(YAML.readTree(documentPath.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the API document " + documentPath.toAbsolutePath(), e);
        }
    }

    /** Every disagreement between the operations tagged {@code tag} here and in {@code generated}; empty if none. */
    public List<String> disagreementsWith(JsonNode generated, String tag) {
        Map<String, JsonNode> published = operations(document, tag);
        Map<String, JsonNode> actual = operations(generated, null);
        List<String> problems = new ArrayList<>();
        for (String operation : published.keySet()) {
            if (!actual.containsKey(operation)) {
                problems.add(operation + ": in docs/openapi.yaml, not served by the service");
            }
        }
        for (String operation : actual.keySet()) {
            if (!published.containsKey(operation)) {
                problems.add(operation + ": served by the service, not in docs/openapi.yaml (tag " + tag + ")");
            }
        }
        published.forEach((operation, publishedOperation) -> {
            JsonNode actualOperation = actual.get(operation);
            if (actualOperation != null) {
                compareParameters(operation, publishedOperation, actualOperation, generated, problems);
                compareBody(operation + " request body", requestSchema(document, publishedOperation),
                        requestSchema(generated, actualOperation), generated, problems);
                compareBody(operation + " response", responseSchema(document, publishedOperation),
                        responseSchema(generated, actualOperation), generated, problems);
            }
        });
        return problems;
    }

    private static Map<String, JsonNode> operations(JsonNode root, String tag) {
        Map<String, JsonNode> operations = new TreeMap<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            if (!operation.isObject() || !operation.has("responses")) {
                return;
            }
            if (tag == null || contains(operation.path("tags"), tag)) {
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(),
                        withPathParameters(operation, path.getValue().path("parameters")));
            }
        }));
        return operations;
    }

    /** The operation with the parameters its path item declares for every method (OpenAPI allows both places). */
    private static JsonNode withPathParameters(JsonNode operation, JsonNode pathParameters) {
        if (pathParameters.isEmpty()) {
            return operation;
        }
        ObjectNode merged = operation.deepCopy();
        ArrayNode parameters = merged.withArray("parameters");
        pathParameters.forEach(parameters::add);
        return merged;
    }

    private void compareParameters(String operation, JsonNode published, JsonNode actual, JsonNode generated,
                                   List<String> problems) {
        Set<String> publishedParameters = parameters(document, published);
        Set<String> actualParameters = parameters(generated, actual);
        if (!publishedParameters.equals(actualParameters)) {
            problems.add(operation + " parameters: docs/openapi.yaml " + publishedParameters + ", service " + actualParameters);
        }
    }

    private static Set<String> parameters(JsonNode root, JsonNode operation) {
        Set<String> parameters = new TreeSet<>();
        operation.path("parameters").forEach(parameter -> {
            JsonNode resolved = resolve(root, parameter);
            parameters.add(resolved.path("in").asText() + ":" + resolved.path("name").asText().toLowerCase()
                    + (resolved.path("required").asBoolean(false) ? "" : "?"));
        });
        return parameters;
    }

    private static JsonNode requestSchema(JsonNode root, JsonNode operation) {
        return jsonSchema(root, resolve(root, operation.path("requestBody")).path("content"));
    }

    private static JsonNode responseSchema(JsonNode root, JsonNode operation) {
        Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
        while (responses.hasNext()) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (response.getKey().startsWith("2")) {
                return jsonSchema(root, resolve(root, response.getValue()).path("content"));
            }
        }
        return null;
    }

    private static JsonNode jsonSchema(JsonNode root, JsonNode content) {
        Iterator<Map.Entry<String, JsonNode>> types = content.fields();
        while (types.hasNext()) {
            Map.Entry<String, JsonNode> type = types.next();
            // springdoc lists a body whose controller names no media type as */*
            if ((type.getKey().contains("json") || type.getKey().equals("*/*")) && !type.getKey().contains("problem")) {
                return resolve(root, type.getValue().path("schema"));
            }
        }
        return null;
    }

    private void compareBody(String where, JsonNode published, JsonNode actual, JsonNode generated, List<String> problems) {
        if (published == null || actual == null) {
            if ((published == null) != (actual == null) && !isEmptyObject(published) && !isEmptyObject(actual)) {
                problems.add(where + ": " + (published == null ? "no JSON body in docs/openapi.yaml" : "no JSON body served"));
            }
            return;
        }
        Map<String, String> publishedProperties = properties(document, published);
        Map<String, String> actualProperties = properties(generated, actual);
        if (!publishedProperties.keySet().equals(actualProperties.keySet())) {
            problems.add(where + " properties: docs/openapi.yaml " + publishedProperties.keySet() + ", service "
                    + actualProperties.keySet());
            return;
        }
        publishedProperties.forEach((name, type) -> {
            String actualType = actualProperties.get(name);
            if (!type.isEmpty() && !actualType.isEmpty() && !type.equals(actualType)) {
                problems.add(where + " property " + name + ": docs/openapi.yaml " + type + ", service " + actualType);
            }
        });
    }

    private static boolean isEmptyObject(JsonNode schema) {
        return schema != null && schema.path("properties").isEmpty() && !schema.has("allOf");
    }

    /** Property name to JSON type ("" when the schema does not say, e.g. a oneOf). */
    private static Map<String, String> properties(JsonNode root, JsonNode schema) {
        Map<String, String> properties = new TreeMap<>();
        schema.path("allOf").forEach(part -> properties.putAll(properties(root, resolve(root, part))));
        schema.path("properties").fields().forEachRemaining(property ->
                properties.put(property.getKey(), typeOf(root, property.getValue())));
        return properties;
    }

    private static String typeOf(JsonNode root, JsonNode schema) {
        JsonNode resolved = resolve(root, schema);
        if (resolved.has("type")) {
            return resolved.path("type").asText();
        }
        if (resolved.path("allOf").size() == 1) {
            return typeOf(root, resolved.path("allOf").get(0));
        }
        if (resolved.has("properties") || resolved.has("allOf")) {
            return "object";
        }
        return "";
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.path("$ref").asText();
            current = root.at(ref.substring(1));
        }
        return current;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
