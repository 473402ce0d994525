package org.circc.local;

import org.circc.embedded.EmbeddedInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform on one machine: the embedded infrastructure in this JVM, then every service and the gateway
 * as JVMs of their own, as in production. Closing stops the applications first, then the infrastructure.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final EmbeddedInfrastructure infrastructure;
    private final List<RunningApplication> applications;

    private LocalPlatform(EmbeddedInfrastructure infrastructure, List<RunningApplication> applications) {
        this.infrastructure = infrastructure;
        this.applications = applications;
    }

    public static LocalPlatform start(LocalPlatformOptions options) {
        requireJars(options.projectRoot());
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(options.infrastructure());
        List<RunningApplication> applications = new ArrayList<>();
        LocalPlatform platform = new LocalPlatform(infrastructure, applications);
        try {
            Files.createDirectories(options.logDirectory());
            Map<PlatformService, Integer> ports = new LinkedHashMap<>();
            for (PlatformService service : PlatformService.SERVICES) {
                ports.put(service, portFor(service, options));
            }
            for (PlatformService service : PlatformService.SERVICES) {
                Map<String, String> properties = new LinkedHashMap<>(infrastructure.springPropertiesFor(service.name()));
                properties.put("server.port", String.valueOf(ports.get(service)));
                applications.add(launch(service, ports.get(service), properties, options));
            }
            int gatewayPort = portFor(PlatformService.GATEWAY, options);
            Map<String, String> gateway = new LinkedHashMap<>();
            gateway.put("server.port", String.valueOf(gatewayPort));
            gateway.put("spring.profiles.active", "local");
            gateway.put("circc.gateway.api-keys.enabled", "true");
            ports.forEach((service, port) ->
                    gateway.put("circc.gateway.services." + service.name(), "http://127.0.0.1:" + port));
            applications.add(launch(PlatformService.GATEWAY, gatewayPort, gateway, options));
            platform.awaitHealthy();
            return platform;
        } catch (IOException e) {
            platform.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public EmbeddedInfrastructure infrastructure() {
        return infrastructure;
    }

    public String baseUrl(PlatformService service) {
        return applications.stream().filter(application -> application.service().equals(service))
                .findFirst().orElseThrow().baseUrl();
    }

    public String gatewayUrl() {
        return baseUrl(PlatformService.GATEWAY);
    }

    /** Where each application listens and writes its log, for people. */
    public String describe() {
        StringBuilder description = new StringBuilder();
        for (RunningApplication application : applications) {
            description.append(String.format("  %-13s %-24s log %s%n", application.service().name(),
                    application.baseUrl(), application.log()));
        }
        description.append(String.format("  %-13s jdbc %s (one database per service)%n", "postgresql",
                infrastructure.jdbcUrl("postgres")));
        description.append(String.format("  %-13s %s%n", "kafka", infrastructure.kafkaBootstrapServers()));
        description.append(String.format("  %-13s %s%n", "mongodb", infrastructure.mongoUri("")));
        description.append(String.format("  %-13s %s:%d%n", "smtp", infrastructure.smtpHost(), infrastructure.smtpPort()));
        return description.toString();
    }

    @Override
    public void close() {
        for (int i = applications.size() - 1; i >= 0; i--) {
            try {
                applications.get(i).stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        infrastructure.close();
    }

    private static void requireJars(Path projectRoot) {
        List<PlatformService> all = new ArrayList<>(PlatformService.SERVICES);
        all.add(PlatformService.GATEWAY);
        for (PlatformService service : all) {
            if (!Files.isRegularFile(service.executableJar(projectRoot))) {
                throw new IllegalStateException(service.executableJar(projectRoot)
                        + " is missing: build first with ./mvnw -DskipTests package");
            }
        }
    }

    private static int portFor(PlatformService service, LocalPlatformOptions options) {
        int port = options.ports().getOrDefault(service, 0);
        return port != 0 ? port : freePort();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunningApplication launch(PlatformService service, int port, Map<String, String> properties,
                                              LocalPlatformOptions options) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmOptions());
        command.add("-jar");
        command.add(service.executableJar(options.projectRoot()).toString());
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path logFile = options.logDirectory().resolve(service.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        log.info("starting {} on port {}", service.name(), port);
        return new RunningApplication(service, port, builder.start(), logFile);
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        List<RunningApplication> waiting = new ArrayList<>(applications);
        while (!waiting.isEmpty()) {
            for (RunningApplication application : List.copyOf(waiting)) {
                if (!application.process().isAlive()) {
                    throw new IllegalStateException(application.service().name() + " exited with code "
                            + application.process().exitValue() + "; see " + application.log());
                }
                if (isUp(http, application)) {
                    log.info("{} is up", application.service().name());
                    waiting.remove(application);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not healthy after " + READY_TIMEOUT.toSeconds() + " s: "
                        + waiting.stream().map(application -> application.service().name()).toList());
            }
            pause();
        }
    }

    private static boolean isUp(HttpClient http, RunningApplication application) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(application.baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + application.service().name(), e);
        }
    }

    /** The interval between health polls: the applications are separate processes, there is nothing to await. */
    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the platform", e);
        }
    }
}
