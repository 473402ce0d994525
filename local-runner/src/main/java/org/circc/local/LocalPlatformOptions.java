package org.circc.local;

import org.circc.embedded.InfrastructureOptions;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How to run the platform on one machine.
 *
 * @param projectRoot the checkout, where each module's {@code target/} holds its executable jar
 * @param infrastructure the embedded servers' data directory and ports
 * @param ports the HTTP port of each application (0 = any free port)
 * @param logDirectory where each application's output goes, one file each
 * @param jvmOptions options of every application's JVM
 */
public record LocalPlatformOptions(Path projectRoot, InfrastructureOptions infrastructure,
                                   Map<PlatformService, Integer> ports, Path logDirectory, List<String> jvmOptions) {

    /**
     * Small heaps and the C1 compiler only: six JVMs start faster on two cores, and the local platform is for
     * trying CIRCC, not for benchmarks (those pass their own options).
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx384m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=64m", "-Daxoniq.update-checker.disabled=true");

    public LocalPlatformOptions {
        ports = Map.copyOf(ports);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * The JVM options of every application: {@link #DEFAULT_JVM_OPTIONS}, or {@code CIRCC_JVM_OPTIONS} when set
     * (space-separated; benchmarks want C2 and larger heaps, e.g. {@code "-Xmx1g -XX:+UseParallelGC"}).
     */
    public static List<String> jvmOptionsFrom(Function<String, String> env) {
        String configured = env.apply("CIRCC_JVM_OPTIONS");
        return configured == null || configured.isBlank() ? DEFAULT_JVM_OPTIONS
                : List.of(configured.trim().split("\\s+"));
    }

    /** The embedded default: data kept in {@code dataDirectory}, the ports of api.md and architecture.md. */
    public static LocalPlatformOptions persistent(Path projectRoot, Path dataDirectory) {
        Map<PlatformService, Integer> ports = new HashMap<>();
        PlatformService.SERVICES.forEach(service -> ports.put(service, service.defaultPort()));
        ports.put(PlatformService.GATEWAY, PlatformService.GATEWAY.defaultPort());
        return new LocalPlatformOptions(projectRoot, InfrastructureOptions.persistentIn(dataDirectory.resolve("infra")),
                ports, dataDirectory.resolve("logs"), jvmOptionsFrom(System::getenv));
    }

    /** For tests: temporary data, free ports. */
    public static LocalPlatformOptions ephemeral(Path projectRoot, Path logDirectory) {
        return new LocalPlatformOptions(projectRoot, InfrastructureOptions.ephemeral(), Map.of(), logDirectory,
                DEFAULT_JVM_OPTIONS);
    }
}
