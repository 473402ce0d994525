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
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole platform on one machine: the embedded infrastructure in this JVM, then every service and the gateway
 * as JVMs of their own, as in production. {@link #close()} stops the applications first, then the
 * infrastructure; it may be called at any time, also while {@link #start()} is still running.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** Trainings run two at a time: one per core. */
    private static final int PARALLEL_TRAININGS = 2;

    private final LocalPlatformOptions options;
    private final List<RunningApplication> applications = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "circc-local-platform-shutdown");
    /**
     * Shared by the gateway and the services to sign and check identities: new at every start and never stored,
     * unless {@code CIRCC_IDENTITY_SIGNING_SECRET} is set (benchmarks that call a service directly need it).
     */
    private final String identitySigningSecret = Optional.ofNullable(System.getenv("CIRCC_IDENTITY_SIGNING_SECRET"))
            .filter(secret -> !secret.isBlank())
            .orElseGet(LocalPlatform::newSecret);
    private volatile EmbeddedInfrastructure infrastructure;
    private volatile boolean closed;

    public LocalPlatform(LocalPlatformOptions options) {
        this.options = options;
    }

    /** Starts everything and returns once every application reports UP. */
    public LocalPlatform start() {
        requireJars(options.projectRoot());
        // one hook for everything, so the infrastructure outlives the applications that use it
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        infrastructure = EmbeddedInfrastructure.startOwnedBy(options.infrastructure());
        try {
            Files.createDirectories(options.logDirectory());
            Map<PlatformService, Map<String, String>> configurations = configurations(infrastructure);
            trainClassDataSharing(configurations);
            for (Map.Entry<PlatformService, Map<String, String>> configuration : configurations.entrySet()) {
                launch(configuration.getKey(), configuration.getValue());
            }
            awaitHealthy();
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
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
        description.append(String.format("  %-13s %s (one database per service)%n", "postgresql",
                infrastructure.jdbcUrl(PlatformService.INTAKE.name())));
        description.append(String.format("  %-13s %s%n", "kafka", infrastructure.kafkaBootstrapServers()));
        description.append(String.format("  %-13s %s%n", "mongodb",
                infrastructure.mongoUri(EmbeddedInfrastructure.MONGO_DATABASE_PREFIX + PlatformService.TIMELINE.name())));
        description.append(String.format("  %-13s %s:%d%n", "smtp", infrastructure.smtpHost(), infrastructure.smtpPort()));
        return description.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("stopping: applications first, then the infrastructure");
        applications.forEach(RunningApplication::requestStop);
        for (RunningApplication application : applications) {
            try {
                application.awaitStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: this is the hook running
        }
    }

    private Map<PlatformService, Map<String, String>> configurations(EmbeddedInfrastructure infrastructure) {
        Map<PlatformService, Map<String, String>> configurations = new LinkedHashMap<>();
        Map<PlatformService, Integer> ports = new LinkedHashMap<>();
        for (PlatformService service : PlatformService.SERVICES) {
            int port = portFor(service);
            ports.put(service, port);
            Map<String, String> properties = new LinkedHashMap<>(infrastructure.springPropertiesFor(service.name()));
            properties.put("server.port", String.valueOf(port));
            // the embedded default: e.g. notification then allows webhook targets on loopback
            properties.put("spring.profiles.active", "local");
            configurations.put(service, properties);
        }
        Map<String, String> gateway = new LinkedHashMap<>();
        gateway.put("server.port", String.valueOf(portFor(PlatformService.GATEWAY)));
        gateway.put("spring.profiles.active", "local");
        gateway.put("circc.gateway.api-keys.enabled", "true");
        ports.forEach((service, port) -> gateway.put("circc.gateway.services." + service.name(), "http://127.0.0.1:" + port));
        configurations.put(PlatformService.GATEWAY, gateway);
        return configurations;
    }

    private void trainClassDataSharing(Map<PlatformService, Map<String, String>> configurations) {
        List<PlatformService> untrained = configurations.keySet().stream()
                .filter(service -> !ClassDataSharing.isTrained(service, options.projectRoot()))
                .toList();
        if (untrained.isEmpty()) {
            return;
        }
        log.info("preparing class-data sharing for {} (once per change of their jars, about a minute)",
                untrained.stream().map(PlatformService::name).toList());
        ExecutorService trainings = Executors.newFixedThreadPool(PARALLEL_TRAININGS);
        try {
            List<Future<Boolean>> results = untrained.stream()
                    .map(service -> trainings.submit(() -> ClassDataSharing.train(service, options, configurations.get(service))))
                    .toList();
            for (Future<Boolean> result : results) {
                result.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing class-data sharing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("preparing class-data sharing failed", e.getCause());
        } finally {
            trainings.shutdownNow();
        }
    }

    private static String newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return HexFormat.of().formatHex(secret);
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

    private int portFor(PlatformService service) {
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

    private void launch(PlatformService service, Map<String, String> properties) throws IOException {
        if (closed) {
            throw new IllegalStateException("the platform was closed while starting");
        }
        List<String> command = new ArrayList<>();
        command.add(ClassDataSharing.java());
        command.addAll(options.jvmOptions());
        if (ClassDataSharing.isTrained(service, options.projectRoot())) {
            command.addAll(ClassDataSharing.launchArguments(service, options.projectRoot()));
        } else {
            command.add("-jar");
            command.add(service.executableJar(options.projectRoot()).toString());
        }
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path logFile = options.logDirectory().resolve(service.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // in the environment, not on the command line, where every local user could read it
        builder.environment().put("CIRCC_IDENTITY_SIGNING_SECRET", identitySigningSecret);
        int port = Integer.parseInt(properties.get("server.port"));
        log.info("starting {} on port {}", service.name(), port);
        applications.add(new RunningApplication(service, port, builder.start(), logFile));
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
            if (closed) {
                throw new IllegalStateException("the platform was closed while starting");
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
