package org.circc.local;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPlatformOptionsTest {

    @Test
    void applicationsRunOnTheQuickStartingDefaultsUnlessTheEnvironmentSaysOtherwise() {
        assertThat(LocalPlatformOptions.jvmOptionsFrom(Map.<String, String>of()::get))
                .isEqualTo(LocalPlatformOptions.DEFAULT_JVM_OPTIONS)
                .contains("-XX:TieredStopAtLevel=1");
        assertThat(LocalPlatformOptions.jvmOptionsFrom(Map.of("CIRCC_JVM_OPTIONS", "  ")::get))
                .isEqualTo(LocalPlatformOptions.DEFAULT_JVM_OPTIONS);
    }

    @Test
    void benchmarksPassTheirOwnOptions() {
        assertThat(LocalPlatformOptions.jvmOptionsFrom(Map.of("CIRCC_JVM_OPTIONS", " -Xmx1g  -XX:+UseParallelGC ")::get))
                .containsExactly("-Xmx1g", "-XX:+UseParallelGC");
    }
}
