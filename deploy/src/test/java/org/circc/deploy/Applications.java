package org.circc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the applications' own configuration says: the facts k8s/ must agree with. */
final class Applications {

    static final List<String> SERVICES = List.of("intake", "triage", "escalation", "notification", "timeline");
    static final List<String> ALL = List.of("gateway", "intake", "triage", "escalation", "notification", "timeline");

    private static final YAMLMapper YAML = new YAMLMapper();

    private Applications() {
    }

    static Path moduleOf(String application) {
        return Kustomize.REPOSITORY.resolve("gateway".equals(application) ? "gateway" : "services/" + application);
    }

    /** The documents of src/main/resources/application.yml; the first is the one without a profile. */
    static List<JsonNode> configuration(String application) {
        return read(moduleOf(application).resolve("src/main/resources/application.yml"));
    }

    static List<JsonNode> platformDefaults() {
        return read(Kustomize.REPOSITORY.resolve("platform/src/main/resources/circc-platform.yml"));
    }

    static int port(String application) {
        return configuration(application).get(0).path("server").path("port").asInt();
    }

    /** Every topic the application's bindings read and every dead-letter topic they name. */
    static Set<String> topics(String application) {
        Set<String> topics = new TreeSet<>();
        JsonNode stream = configuration(application).get(0).path("spring").path("cloud").path("stream");
        stream.path("bindings").forEach(binding -> {
            if (binding.hasNonNull("destination")) {
                topics.add(binding.get("destination").asText());
            }
        });
        stream.path("kafka").path("bindings").forEach(binding -> {
            JsonNode dlq = binding.path("consumer").path("dlq-name");
            if (!dlq.isMissingNode()) {
                topics.add(dlq.asText());
            }
        });
        return topics;
    }

    private static List<JsonNode> read(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            values.forEachRemaining(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }
}
