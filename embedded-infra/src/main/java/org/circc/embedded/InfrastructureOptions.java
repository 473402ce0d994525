package org.circc.embedded;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the embedded infrastructure keeps its data and on which loopback ports it listens.
 *
 * @param dataDirectory {@code null} for a temporary directory that is deleted on close; otherwise the directory whose
 *                      contents survive restarts ({@code postgres/}, {@code kafka/}, {@code mongo.mv})
 * @param postgresPort  PostgreSQL port, {@code 0} for any free port
 * @param kafkaPort     Kafka broker port, {@code 0} for any free port
 * @param mongoPort     MongoDB-wire port, {@code 0} for any free port
 * @param smtpPort      SMTP port, {@code 0} for any free port
 */
public record InfrastructureOptions(Path dataDirectory, int postgresPort, int kafkaPort, int mongoPort, int smtpPort) {

    public static final int DEFAULT_POSTGRES_PORT = 15432;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_MONGO_PORT = 27018;
    public static final int DEFAULT_SMTP_PORT = 3025;

    public InfrastructureOptions {
        checkPort("postgresPort", postgresPort);
        checkPort("kafkaPort", kafkaPort);
        checkPort("mongoPort", mongoPort);
        checkPort("smtpPort", smtpPort);
        if (dataDirectory != null) {
            dataDirectory = dataDirectory.toAbsolutePath().normalize();
        }
    }

    /** Temporary directories (deleted on close) and free ports: for tests. */
    public static InfrastructureOptions ephemeral() {
        return new InfrastructureOptions(null, 0, 0, 0, 0);
    }

    /** Data kept in {@code directory} across restarts, on the default ports 15432, 19092, 27018 and 3025. */
    public static InfrastructureOptions persistentIn(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return new InfrastructureOptions(directory, DEFAULT_POSTGRES_PORT, DEFAULT_KAFKA_PORT, DEFAULT_MONGO_PORT,
                DEFAULT_SMTP_PORT);
    }

    /** Whether data survives a restart, i.e. a data directory was given. */
    public boolean persistent() {
        return dataDirectory != null;
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0 (any free port) or 1-65535, was " + port);
        }
    }
}
