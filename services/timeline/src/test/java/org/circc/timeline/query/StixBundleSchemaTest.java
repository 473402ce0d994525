package org.circc.timeline.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Tlp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circc.timeline.TimelineFixtures.platformObjectMapper;
import static org.circc.timeline.TimelineFixtures.triagedView;

/**
 * Every bundle the timeline exports validates against the OASIS STIX 2.1 JSON schemas in {@code shared/data}: the
 * envelope against {@code bundle.json}, then each object against its own type's schema, as the OASIS validator
 * does ({@code bundle.json} alone rejects an {@code incident}; architecture.md).
 */
class StixBundleSchemaTest {

    private static final String SCHEMA_ID_PREFIX =
            "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    /**
     * The shared schemas, read where they are: {@code shared/data/stix2.1/schemas} beside the checkout (found
     * from the module directory upwards), or where {@code CIRCC_SHARED_DIR} says.
     */
    private static final Path SCHEMAS = sharedSchemas();
    private static final ObjectMapper JSON = platformObjectMapper();
    private static final Map<String, JsonSchema> BY_TYPE = new HashMap<>();
    private static JsonSchemaFactory factory;

    private static Path sharedSchemas() {
        Path relative = Path.of("data", "stix2.1", "schemas");
        String configured = System.getenv("CIRCC_SHARED_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).resolve(relative).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (java.nio.file.Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("../../../shared").resolve(relative).toAbsolutePath().normalize();
    }

    @BeforeAll
    static void loadSchemas() {
        assertThat(SCHEMAS.resolve("common/bundle.json")).exists();
        factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_ID_PREFIX, SCHEMAS.toUri().toString())));
    }

    @ParameterizedTest
    @EnumSource(Tlp.class)
    void aBundleOfEveryObservableTypeValidatesUnderEveryLabel(Tlp tlp) {
        JsonNode bundle = export(tlp, everyObservableType());

        assertValid(bundle);
        assertThat(types(bundle)).contains("marking-definition", "identity", "incident", "observed-data", "indicator",
                "relationship", "ipv4-addr", "ipv6-addr", "domain-name", "url", "email-addr", "file", "autonomous-system");
    }

    @Test
    void anIncidentWithoutObservablesValidatesToo() {
        assertValid(export(Tlp.CLEAR, List.of()));
    }

    @Test
    void everyObjectCarriesTheIncidentsTlp20MarkingWhichTravelsInTheBundle() {
        JsonNode bundle = export(Tlp.AMBER_STRICT, everyObservableType());
        String amberStrict = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";

        JsonNode marking = objects(bundle).stream().filter(o -> o.path("type").asText().equals("marking-definition"))
                .findFirst().orElseThrow();
        assertThat(marking.path("id").asText()).isEqualTo(amberStrict);
        assertThat(marking.path("created").asText()).isEqualTo("2022-10-01T00:00:00.000Z");
        assertThat(marking.path("extensions").path(StixBundle.TLP2_EXTENSION).path("tlp_2_0").asText())
                .isEqualTo("amber+strict");
        objects(bundle).stream().filter(o -> !o.path("type").asText().equals("marking-definition"))
                .forEach(object -> assertThat(object.path("object_marking_refs").get(0).asText())
                        .as("%s", object.path("id")).isEqualTo(amberStrict));
    }

    @Test
    void theIncidentCarriesTheIncidentCoreExtensionAndIndicatorsPatternTheirObservables() {
        JsonNode bundle = export(Tlp.AMBER, everyObservableType());

        JsonNode incident = objects(bundle).stream().filter(o -> o.path("type").asText().equals("incident"))
                .findFirst().orElseThrow();
        JsonNode extension = incident.path("extensions").path(StixBundle.INCIDENT_EXTENSION);
        assertThat(extension.path("extension_type").asText()).isEqualTo("property-extension");
        assertThat(extension.path("criticality").asInt()).isEqualTo(60);
        assertThat(extension.path("determination").asText()).isEqualTo("suspected");
        assertThat(extension.path("investigation_status").asText()).isEqualTo("open");
        assertThat(extension.path("recoverability").asText()).isEqualTo("regular");
        assertThat(objects(bundle).stream().filter(o -> o.path("type").asText().equals("indicator"))
                .map(o -> o.path("pattern").asText()))
                .contains("[ipv4-addr:value = '203.0.113.7']", "[autonomous-system:number = 64500]",
                        "[file:hashes.'SHA-256' = '" + "a".repeat(64) + "']");
    }

    @Test
    void scoIdsAreStixsDeterministicVersion5Ids() {
        JsonNode bundle = export(Tlp.GREEN, List.of(Observable.of(ObservableType.IPV4, "203.0.113.7")));

        // uuid5(STIX's SCO namespace, '{"value":"203.0.113.7"}') as Python's uuid module computes it
        assertThat(objects(bundle)).extracting(o -> o.path("id").asText())
                .contains("ipv4-addr--9ddd739e-87b1-587d-83f2-62ef1130af2f");
    }

    private static JsonNode export(Tlp tlp, List<Observable> observables) {
        IncidentView triaged = triagedView(IncidentId.newId(), tlp, Instant.parse("2026-07-24T10:20:00.123456Z"));
        IncidentView view = new IncidentView(triaged.incidentId(), triaged.title(), triaged.description(),
                triaged.category(), triaged.sector(), tlp, triaged.status(), triaged.severity(), triaged.severityFactors(),
                triaged.campaignId(), triaged.escalation(), triaged.reporterOrg(), triaged.reportedAt(),
                triaged.detectedAt(), triaged.impact(), triaged.affectedAssets(), observables, triaged.updatedAt(),
                triaged.escalationTargets(), triaged.currentTargets(), triaged.milestones());
        return JSON.valueToTree(StixBundle.of(view));
    }

    private static List<Observable> everyObservableType() {
        return List.of(Observable.of(ObservableType.IPV4, "203.0.113.7"),
                Observable.of(ObservableType.IPV6, "2001:db8::7"),
                Observable.of(ObservableType.DOMAIN, "tickets.example.jp"),
                Observable.of(ObservableType.URL, "https://tickets.example.jp/login?next=%2F"),
                Observable.of(ObservableType.EMAIL, "phish@example.com"),
                Observable.of(ObservableType.SHA256, "a".repeat(64)),
                Observable.of(ObservableType.SHA1, "b".repeat(40)),
                Observable.of(ObservableType.MD5, "c".repeat(32)),
                Observable.of(ObservableType.ASN, "AS64500"));
    }

    /**
     * The envelope with every object but the incident against {@code bundle.json} (whose items match an incident
     * to two core schemas at once), then every object against its own type's schema.
     */
    private static void assertValid(JsonNode bundle) {
        ObjectNode envelope = bundle.deepCopy();
        ArrayNode withoutIncident = envelope.putArray("objects");
        objects(bundle).stream().filter(o -> !o.path("type").asText().equals("incident")).forEach(withoutIncident::add);
        assertThat(errors(schema("common/bundle.json"), envelope)).as("bundle envelope").isEmpty();
        for (JsonNode object : objects(bundle)) {
            assertThat(errors(schemaOf(object.path("type").asText()), object)).as("%s", object.path("id")).isEmpty();
        }
    }

    private static JsonSchema schemaOf(String type) {
        return BY_TYPE.computeIfAbsent(type, t -> {
            for (String folder : List.of("sdos", "sros", "observables", "common")) {
                if (Files.exists(SCHEMAS.resolve(folder).resolve(t + ".json"))) {
                    return schema(folder + "/" + t + ".json");
                }
            }
            throw new AssertionError("no STIX schema for type " + t);
        });
    }

    private static JsonSchema schema(String path) {
        return factory.getSchema(SchemaLocation.of(SCHEMA_ID_PREFIX + path));
    }

    private static List<String> errors(JsonSchema schema, JsonNode node) {
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(ValidationMessage::toString).toList();
    }

    private static List<JsonNode> objects(JsonNode bundle) {
        return StreamSupport.stream(bundle.path("objects").spliterator(), false).toList();
    }

    private static List<String> types(JsonNode bundle) {
        List<String> types = new ArrayList<>();
        objects(bundle).forEach(object -> types.add(object.path("type").asText()));
        return types;
    }
}
