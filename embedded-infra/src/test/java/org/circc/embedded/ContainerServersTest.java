package org.circc.embedded;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When containers are started instead of the in-process servers. Starting them needs a Docker engine, which CI
 * here does not have: on a host with one, {@code CIRCC_TESTCONTAINERS=true ./mvnw verify} runs every test
 * against them.
 */
class ContainerServersTest {

    @Test
    void withoutTheVariableNothingIsStartedAndTheEnvironmentIsUnchanged() {
        Function<String, String> env = Map.of(ExternalServers.KAFKA_BROKERS, "kafka:9092")::get;

        try (ContainerServers containers = ContainerServers.startFor(env, () -> {
            throw new AssertionError("Docker must not even be asked");
        })) {
            assertThat(containers.environment(env).apply(ExternalServers.KAFKA_BROKERS)).isEqualTo("kafka:9092");
            assertThat(containers.environment(env).apply(ExternalServers.POSTGRES_URL)).isNull();
        }
    }

    @Test
    void askingForContainersWithoutADockerEngineSaysWhatToDo() {
        Function<String, String> env = Map.of(ContainerServers.ENABLED, "true")::get;

        assertThatThrownBy(() -> ContainerServers.startFor(env, () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine")
                .hasMessageContaining("CIRCC_POSTGRES_URL");
    }

    @Test
    void enginesTheEnvironmentNamesGetNoContainer() {
        Map<String, String> variables = Map.of(ContainerServers.ENABLED, "TRUE",
                ExternalServers.POSTGRES_URL, "jdbc:postgresql://db:5432/",
                ExternalServers.KAFKA_BROKERS, "kafka:9092",
                ExternalServers.MONGODB_URI, "mongodb://mongo:27017");

        try (ContainerServers containers = ContainerServers.startFor(variables::get, () -> true)) {
            assertThat(containers.environment(variables::get).apply(ExternalServers.POSTGRES_URL))
                    .isEqualTo("jdbc:postgresql://db:5432/");
        }
        assertThat(ContainerServers.requested(variables::get)).isTrue();
    }
}
