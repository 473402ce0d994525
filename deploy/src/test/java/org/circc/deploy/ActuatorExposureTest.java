package org.circc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An application's actuator offers health, info and prometheus, and nothing else, wherever it runs. */
class ActuatorExposureTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    private static final Set<String> EXPOSED = Set.of("health", "info", "prometheus");

    @Test
    void thePlatformDefaultsExposeOnlyHealthInfoAndPrometheus() {
        JsonNode defaults = Applications.platformDefaults().get(0);

        assertThat(exposure(defaults).path("include").asText()).isNotBlank();
        assertThat(endpoints(exposure(defaults).path("include").asText())).isEqualTo(EXPOSED);
        assertThat(defaults.path("management").path("endpoint").path("health").path("probes").path("enabled").asBoolean())
                .as("the liveness and readiness groups the probes use").isTrue();
    }

    @Test
    void noApplicationWidensItInAnyProfile() {
        for (String application : Applications.ALL) {
            for (JsonNode document : Applications.configuration(application)) {
                JsonNode exposure = exposure(document);
                if (exposure.has("include")) {
                    assertThat(endpoints(exposure.get("include").asText())).as(application).isEqualTo(EXPOSED);
                }
                assertThat(exposure.has("exclude")).as("%s excludes instead of including", application).isFalse();
            }
        }
        // the gateway does not read the platform defaults: it states the same itself
        assertThat(endpoints(exposure(Applications.configuration("gateway").get(0)).path("include").asText())).isEqualTo(EXPOSED);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noRenderedSettingWidensIt(String overlay) {
        for (ConfigMap configMap : Kustomize.render(overlay).ofKind("ConfigMap", ConfigMap.class)) {
            Map<String, String> data = configMap.getData();
            data.forEach((name, value) -> {
                if (name.startsWith("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE")) {
                    assertThat(name).isEqualTo("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE");
                    assertThat(endpoints(value)).as(configMap.getMetadata().getName()).isEqualTo(EXPOSED);
                }
                assertThat(name).doesNotStartWith("MANAGEMENT_ENDPOINT_").doesNotStartWith("MANAGEMENT_SERVER_PORT");
            });
        }
        for (String application : Applications.ALL) {
            assertThat(WorkloadsTest.container(overlay, application).getEnv())
                    .noneSatisfy(env -> assertThat(env.getName()).startsWith("MANAGEMENT_"));
            assertThat(WiringTest.settings(overlay, application))
                    .containsEntry("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "health,info,prometheus");
        }
    }

    private static JsonNode exposure(JsonNode configuration) {
        return configuration.path("management").path("endpoints").path("web").path("exposure");
    }

    private static Set<String> endpoints(String include) {
        return Set.copyOf(Arrays.stream(include.split(",")).map(String::trim).toList());
    }
}
