package org.circc.embedded;

import java.util.Objects;
import java.util.function.Function;

/**
 * The external servers that environment variables name; a part whose variable is unset or blank is started
 * in-process instead.
 *
 * <ul>
 *   <li>{@code CIRCC_POSTGRES_URL}: a JDBC base such as {@code jdbc:postgresql://db:5432/} (query parameters allowed),
 *       with {@code CIRCC_POSTGRES_USER} (default {@code postgres}) and {@code CIRCC_POSTGRES_PASSWORD} (default empty)</li>
 *   <li>{@code CIRCC_KAFKA_BROKERS}: bootstrap servers, e.g. {@code kafka:9092}</li>
 *   <li>{@code CIRCC_MONGODB_URI}: a base URI such as {@code mongodb://mongo:27017}; the database name is appended</li>
 *   <li>{@code CIRCC_SMTP_HOST} and {@code CIRCC_SMTP_PORT} (default 25)</li>
 * </ul>
 */
record ExternalServers(String postgresUrl, String postgresUser, String postgresPassword, String kafkaBrokers,
                       String mongoUri, String smtpHost, int smtpPort) {

    static final String POSTGRES_URL = "CIRCC_POSTGRES_URL";
    static final String POSTGRES_USER = "CIRCC_POSTGRES_USER";
    static final String POSTGRES_PASSWORD = "CIRCC_POSTGRES_PASSWORD";
    static final String KAFKA_BROKERS = "CIRCC_KAFKA_BROKERS";
    static final String MONGODB_URI = "CIRCC_MONGODB_URI";
    static final String SMTP_HOST = "CIRCC_SMTP_HOST";
    static final String SMTP_PORT = "CIRCC_SMTP_PORT";

    static ExternalServers from(Function<String, String> env) {
        Objects.requireNonNull(env, "env");
        String postgresUrl = value(env, POSTGRES_URL);
        if (postgresUrl != null && !postgresUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(POSTGRES_URL + " must be a jdbc:postgresql: URL, was " + postgresUrl);
        }
        String user = value(env, POSTGRES_USER);
        String password = env.apply(POSTGRES_PASSWORD);
        String mongoUri = value(env, MONGODB_URI);
        if (mongoUri != null && !mongoUri.startsWith("mongodb://") && !mongoUri.startsWith("mongodb+srv://")) {
            throw new IllegalArgumentException(MONGODB_URI + " must be a mongodb:// or mongodb+srv:// URI, was " + mongoUri);
        }
        String smtpHost = value(env, SMTP_HOST);
        String smtpPortText = value(env, SMTP_PORT);
        int smtpPort = 25;
        if (smtpPortText != null) {
            try {
                smtpPort = Integer.parseInt(smtpPortText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SMTP_PORT + " must be a port number, was " + smtpPortText, e);
            }
        }
        return new ExternalServers(postgresUrl, user == null ? "postgres" : user, password == null ? "" : password,
                value(env, KAFKA_BROKERS), mongoUri, smtpHost, smtpPort);
    }

    boolean hasPostgres() {
        return postgresUrl != null;
    }

    boolean hasKafka() {
        return kafkaBrokers != null;
    }

    boolean hasMongo() {
        return mongoUri != null;
    }

    boolean hasSmtp() {
        return smtpHost != null;
    }

    private static String value(Function<String, String> env, String name) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
