package org.circc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every object an overlay renders is a valid instance of its resource, in the overlay's namespace. */
class RenderedObjectsTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectFitsTheModelOfItsResource(String overlay) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (JsonNode object : Kustomize.render(overlay).objects()) {
            List<String> found = Models.problems(object);
            if (!found.isEmpty()) {
                problems.put(Models.typeOf(object) + " " + object.path("metadata").path("name").asText(), found);
            }
        }
        assertThat(problems).as("objects of %s that do not fit their resource", overlay).isEmpty();
        assertThat(Kustomize.render(overlay).objects()).hasSizeGreaterThan(50);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theMongoDbStatefulSetOverrideIsAStatefulSetSpec(String overlay) {
        JsonNode override = Kustomize.render(overlay).ofKind("MongoDBCommunity").get(0).path("spec").path("statefulSet").path("spec");
        StatefulSetSpec spec = Kustomize.Rendered.as(override, StatefulSetSpec.class);

        assertThat(Models.unknownFields(spec)).isEmpty();
        assertThat(spec.getVolumeClaimTemplates()).singleElement()
                .satisfies(claim -> assertThat(claim.getMetadata().getName()).isEqualTo("data-volume"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectIsNamedAndInTheOverlaysNamespace(String overlay) {
        String namespace = "production".equals(overlay) ? "circc" : "circc-" + overlay;
        assertThat(Kustomize.render(overlay).objects()).allSatisfy(object -> {
            assertThat(object.path("metadata").path("name").asText()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            assertThat(object.path("metadata").path("namespace").asText()).isEqualTo(namespace);
            assertThat(object.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText())
                    .isEqualTo("circc");
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noSecretIsCommitted(String overlay) {
        assertThat(Kustomize.render(overlay).ofKind("Secret")).isEmpty();
        assertThat(Kustomize.render(overlay).ofKind("SealedSecret")).isEmpty();
    }
}
