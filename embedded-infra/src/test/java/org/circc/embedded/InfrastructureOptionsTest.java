package org.circc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InfrastructureOptionsTest {

    @Test
    void ephemeralUsesATemporaryDirectoryAndFreePorts() {
        assertThat(InfrastructureOptions.ephemeral()).isEqualTo(new InfrastructureOptions(null, 0, 0, 0, 0));
        assertThat(InfrastructureOptions.ephemeral().persistent()).isFalse();
    }

    @Test
    void persistentUsesTheDefaultPorts() {
        InfrastructureOptions options = InfrastructureOptions.persistentIn(Path.of("data"));

        assertThat(options.dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(options.persistent()).isTrue();
        assertThat(options.postgresPort()).isEqualTo(15432);
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.mongoPort()).isEqualTo(27018);
        assertThat(options.smtpPort()).isEqualTo(3025);
    }

    @Test
    void rejectsImpossiblePorts() {
        assertThatThrownBy(() -> new InfrastructureOptions(null, -1, 0, 0, 0)).hasMessageContaining("postgresPort");
        assertThatThrownBy(() -> new InfrastructureOptions(null, 0, 65536, 0, 0)).hasMessageContaining("kafkaPort");
        assertThatThrownBy(() -> InfrastructureOptions.persistentIn(null)).isInstanceOf(NullPointerException.class);
    }
}
