package org.circc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders an overlay of k8s/ with {@code kubectl kustomize}, once per test run. */
final class Kustomize {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final List<String> OVERLAYS = List.of("dev", "production");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static Rendered render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Kustomize::run);
    }

    private static Rendered run(String overlay) {
        Path kubectl = kubectl();
        Path directory = REPOSITORY.resolve("k8s/overlays").resolve(overlay);
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                    .redirectErrorStream(false)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            Assertions.assertTrue(process.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
            Assertions.assertEquals(0, process.exitValue(), () -> "kubectl kustomize " + directory + " failed: " + errors);
            List<JsonNode> objects = new ArrayList<>();
            try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(output)) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document != null && !document.isNull() && !document.isEmpty()) {
                        objects.add(document);
                    }
                }
            }
            return new Rendered(overlay, List.copyOf(objects));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** CI must have kubectl (a missing one fails there); elsewhere the checks report themselves skipped. */
    private static Path kubectl() {
        Optional<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            String reason = "kubectl (with kustomize) is not on PATH, so k8s/ could not be rendered";
            if (System.getenv("CI") != null) {
                Assertions.fail(reason + ": CI must have it");
            }
            Assumptions.abort(reason);
        }
        return found.get();
    }

    /** The objects an overlay renders to. */
    record Rendered(String overlay, List<JsonNode> objects) {

        static final ObjectMapper JSON = new ObjectMapper();

        List<JsonNode> ofKind(String kind) {
            return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
        }

        <T> List<T> ofKind(String kind, Class<T> type) {
            return ofKind(kind).stream().map(object -> as(object, type)).toList();
        }

        <T> T named(String kind, String name, Class<T> type) {
            return ofKind(kind).stream()
                    .filter(object -> name.equals(object.path("metadata").path("name").asText()))
                    .findFirst()
                    .map(object -> as(object, type))
                    .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
        }

        static <T> T as(JsonNode object, Class<T> type) {
            try {
                return JSON.treeToValue(object, type);
            } catch (IOException e) {
                throw new AssertionError("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return overlay;
        }
    }
}
