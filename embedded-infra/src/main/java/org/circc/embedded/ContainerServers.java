package org.circc.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Real PostgreSQL, Kafka and MongoDB in Docker containers (Testcontainers), for hosts with a Docker engine:
 * {@code CIRCC_TESTCONTAINERS=true} starts one of each that no {@code CIRCC_*} variable already names, and they
 * then stand in for external servers, so the same tests run against the real engines. Images are overridable
 * ({@code CIRCC_TESTCONTAINERS_POSTGRES_IMAGE}, {@code …_KAFKA_IMAGE}, {@code …_MONGODB_IMAGE}).
 */
final class ContainerServers implements AutoCloseable {

    static final String ENABLED = "CIRCC_TESTCONTAINERS";
    static final String POSTGRES_IMAGE = "CIRCC_TESTCONTAINERS_POSTGRES_IMAGE";
    static final String KAFKA_IMAGE = "CIRCC_TESTCONTAINERS_KAFKA_IMAGE";
    static final String MONGODB_IMAGE = "CIRCC_TESTCONTAINERS_MONGODB_IMAGE";

    private static final Logger log = LoggerFactory.getLogger(ContainerServers.class);

    private final List<Startable> containers;
    private final Map<String, String> variables;

    private ContainerServers(List<Startable> containers, Map<String, String> variables) {
        this.containers = containers;
        this.variables = variables;
    }

    /** Nothing started: the environment does not ask for containers. */
    static ContainerServers none() {
        return new ContainerServers(List.of(), Map.of());
    }

    static boolean requested(Function<String, String> env) {
        return "true".equalsIgnoreCase(String.valueOf(env.apply(ENABLED)).trim());
    }

    /**
     * Starts a container for each engine {@code env} does not name a server for, if {@code env} asks for
     * containers; fails with what to do when it does but no Docker engine answers.
     */
    static ContainerServers startFor(Function<String, String> env, BooleanSupplier dockerAvailable) {
        if (!requested(env)) {
            return none();
        }
        if (!dockerAvailable.getAsBoolean()) {
            throw new IllegalStateException(ENABLED + " is true but no Docker engine answers: start one, or unset "
                    + ENABLED + " to use the in-process servers, or name external servers with CIRCC_POSTGRES_URL, "
                    + "CIRCC_KAFKA_BROKERS and CIRCC_MONGODB_URI");
        }
        List<Startable> started = new ArrayList<>();
        Map<String, String> variables = new HashMap<>();
        try {
            if (blank(env.apply(ExternalServers.POSTGRES_URL))) {
                PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(image(env, POSTGRES_IMAGE, "postgres:17-alpine"));
                start(postgres, started);
                variables.put(ExternalServers.POSTGRES_URL,
                        "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/");
                variables.put(ExternalServers.POSTGRES_USER, postgres.getUsername());
                variables.put(ExternalServers.POSTGRES_PASSWORD, postgres.getPassword());
            }
            if (blank(env.apply(ExternalServers.KAFKA_BROKERS))) {
                KafkaContainer kafka = new KafkaContainer(image(env, KAFKA_IMAGE, "apache/kafka:3.9.1"));
                start(kafka, started);
                variables.put(ExternalServers.KAFKA_BROKERS, kafka.getBootstrapServers());
            }
            if (blank(env.apply(ExternalServers.MONGODB_URI))) {
                MongoDBContainer mongo = new MongoDBContainer(image(env, MONGODB_IMAGE, "mongo:7.0"));
                start(mongo, started);
                variables.put(ExternalServers.MONGODB_URI, mongo.getConnectionString());
            }
        } catch (RuntimeException e) {
            new ContainerServers(started, variables).close();
            throw e;
        }
        return new ContainerServers(started, variables);
    }

    static ContainerServers startFor(Function<String, String> env) {
        return startFor(env, () -> DockerClientFactory.instance().isDockerAvailable());
    }

    /** {@code env} with the containers' addresses for the variables they stand for. */
    Function<String, String> environment(Function<String, String> env) {
        return name -> variables.containsKey(name) ? variables.get(name) : env.apply(name);
    }

    @Override
    public void close() {
        containers.forEach(container -> {
            try {
                container.stop();
            } catch (RuntimeException e) {
                log.warn("could not stop container {}: {}", container, e.toString());
            }
        });
    }

    private static void start(org.testcontainers.containers.GenericContainer<?> container, List<Startable> started) {
        long startedAt = System.nanoTime();
        container.start();
        started.add(container);
        log.info("{} (Testcontainers) ready in {} ms", container.getDockerImageName(), (System.nanoTime() - startedAt) / 1_000_000);
    }

    private static String image(Function<String, String> env, String variable, String fallback) {
        String image = env.apply(variable);
        return blank(image) ? fallback : image.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
