package org.circc.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, Kafka (KRaft), a MongoDB-wire server and SMTP for the local runner and for the tests of every service:
 * started in-process on 127.0.0.1, or taken from the external servers that environment variables name (see
 * {@link #start(InfrastructureOptions, Function)}).
 *
 * <p>Layout of a data directory: {@code postgres/} (PostgreSQL cluster), {@code kafka/} (KRaft metadata and topic
 * logs), {@code mongo.mv} (H2 MVStore of the MongoDB-wire server). Mails are kept in memory only.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    /** Partitions of auto-created topics (and of the consumer-offsets and transaction-state topics). */
    public static final int KAFKA_PARTITIONS = 4;
    /** Prefix of the MongoDB database of a service in {@link #springPropertiesFor(String)}. */
    public static final String MONGO_DATABASE_PREFIX = "circc_";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
    private static EmbeddedInfrastructure shared;

    private final InfrastructureOptions options;
    private final Path temporaryDirectory;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final EmbeddedMongoServer mongo;
    private final EmbeddedSmtpServer smtp;
    private final ContainerServers containers;
    private final PostgresDatabases databases;
    private final String kafkaBootstrapServers;
    private final String mongoBaseUri;
    private final String smtpHost;
    private final int smtpPort;
    private final boolean isShared;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Stops everything when the JVM exits without {@link #close()}: no PostgreSQL process outlives it. */
    private final Thread shutdownHook = new Thread(this::stop, "circc-embedded-infrastructure-shutdown");

    private EmbeddedInfrastructure(Builder b, boolean isShared) {
        this.options = b.options;
        this.temporaryDirectory = b.temporaryDirectory;
        this.postgres = b.postgres;
        this.kafka = b.kafka;
        this.mongo = b.mongo;
        this.smtp = b.smtp;
        this.containers = b.containers;
        this.databases = b.databases;
        this.kafkaBootstrapServers = b.kafkaBootstrapServers;
        this.mongoBaseUri = b.mongoBaseUri;
        this.smtpHost = b.smtpHost;
        this.smtpPort = b.smtpPort;
        this.isShared = isShared;
    }

    /** Starts what the process environment does not name as external (see {@link #start(InfrastructureOptions, Function)}). */
    public static EmbeddedInfrastructure start(InfrastructureOptions options) {
        return start(options, System::getenv);
    }

    /**
     * Starts PostgreSQL, Kafka, the MongoDB-wire server and SMTP, in that order (PostgreSQL, a child process, comes up
     * in the background while Kafka starts in this JVM; both are ready before the MongoDB-wire server starts), except
     * each part that {@code env} names an external server for: {@code CIRCC_POSTGRES_URL} (a JDBC base such as {@code jdbc:postgresql://db:5432/},
     * with {@code CIRCC_POSTGRES_USER} and {@code CIRCC_POSTGRES_PASSWORD}), {@code CIRCC_KAFKA_BROKERS},
     * {@code CIRCC_MONGODB_URI} (a base URI; the database name is appended), {@code CIRCC_SMTP_HOST} and
     * {@code CIRCC_SMTP_PORT}.
     *
     * @param env looks up an environment variable ({@code System::getenv}, or a map's {@code get} in tests)
     */
    public static EmbeddedInfrastructure start(InfrastructureOptions options, Function<String, String> env) {
        return start(options, env, false, true);
    }

    /**
     * Starts like {@link #start(InfrastructureOptions)} but registers no shutdown hook: for an owner that stops it
     * itself, after what uses it (the local runner stops the applications first, then the infrastructure).
     */
    public static EmbeddedInfrastructure startOwnedBy(InfrastructureOptions options) {
        return start(options, System::getenv, false, false);
    }

    /**
     * One instance per JVM for tests: ephemeral (or the external servers the environment names), started on first
     * use and closed by a shutdown hook. {@link #close()} on it does nothing, so a test cannot stop it for the others.
     */
    public static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            shared = start(InfrastructureOptions.ephemeral(), System::getenv, true, true);
        }
        return shared;
    }

    private static EmbeddedInfrastructure start(InfrastructureOptions options, Function<String, String> env,
                                                boolean isShared, boolean stopOnShutdown) {
        Objects.requireNonNull(options, "options");
        long startedAt = System.nanoTime();
        Builder b = new Builder(options);
        b.containers = ContainerServers.startFor(env);
        try {
            ExternalServers external = ExternalServers.from(b.containers.environment(env));
            Path root = options.dataDirectory();
            if (root == null) {
                b.temporaryDirectory = Files.createTempDirectory("circc-infra-");
                root = b.temporaryDirectory;
            } else {
                Files.createDirectories(root);
            }
            // PostgreSQL is a child process: let it initialise and start while Kafka starts in this JVM
            FutureTask<EmbeddedPostgresServer> postgresStart = startPostgresInBackground(b, external, root);
            RuntimeException failure = null;
            long kafkaStartedAt = System.nanoTime();
            try {
                startKafka(b, external, root);
            } catch (RuntimeException e) {
                failure = e;
            }
            long kafkaMillis = millisSince(kafkaStartedAt);
            try {
                finishPostgres(b, external, postgresStart);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            logKafka(b, kafkaMillis);
            startMongo(b, external, root);
            startSmtp(b, external);
        } catch (IOException | RuntimeException e) {
            b.stopStarted();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("could not start the embedded infrastructure", io);
            }
            throw (RuntimeException) e;
        }
        EmbeddedInfrastructure infrastructure = new EmbeddedInfrastructure(b, isShared);
        if (stopOnShutdown) {
            Runtime.getRuntime().addShutdownHook(infrastructure.shutdownHook);
        }
        log.info("Infrastructure ready in {} ms ({}, data in {})", millisSince(startedAt),
                options.persistent() ? "persistent" : "ephemeral",
                options.persistent() ? options.dataDirectory() : b.temporaryDirectory + " (deleted on close)");
        return infrastructure;
    }

    private static FutureTask<EmbeddedPostgresServer> startPostgresInBackground(Builder b, ExternalServers external,
                                                                               Path root) {
        if (external.hasPostgres()) {
            return null;
        }
        long startedAt = System.nanoTime();
        FutureTask<EmbeddedPostgresServer> start = new FutureTask<>(() -> {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(root.resolve("postgres"), b.options.persistent(),
                    b.options.postgresPort());
            b.postgresMillis = millisSince(startedAt);
            return server;
        });
        Thread thread = new Thread(start, "circc-embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
        return start;
    }

    private static void finishPostgres(Builder b, ExternalServers external, FutureTask<EmbeddedPostgresServer> start) {
        if (start == null) {
            b.databases = new PostgresDatabases(external.postgresUrl(), external.postgresUser(), external.postgresPassword());
            log.info("PostgreSQL: external server {} as user {} ({})", redactJdbcUrl(external.postgresUrl()), external.postgresUser(),
                    ExternalServers.POSTGRES_URL);
            return;
        }
        try {
            b.postgres = start.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting embedded PostgreSQL", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("could not start embedded PostgreSQL", e.getCause());
        }
        b.databases = new PostgresDatabases(b.postgres.jdbcBase(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
        log.info("PostgreSQL (embedded) listening on 127.0.0.1:{}, data {}, started in {} ms", b.postgres.port(),
                b.postgres.dataDirectory(), b.postgresMillis);
    }

    private static void startKafka(Builder b, ExternalServers external, Path root) {
        if (external.hasKafka()) {
            b.kafkaBootstrapServers = external.kafkaBrokers();
            return;
        }
        b.kafka = EmbeddedKafkaServer.start(root.resolve("kafka"), b.options.kafkaPort(), KAFKA_PARTITIONS);
        b.kafkaBootstrapServers = b.kafka.bootstrapServers();
    }

    private static void logKafka(Builder b, long startMillis) {
        if (b.kafka == null) {
            log.info("Kafka: external brokers {} ({})", b.kafkaBootstrapServers, ExternalServers.KAFKA_BROKERS);
        } else {
            log.info("Kafka (embedded KRaft) listening on {}, log dir {}, started in {} ms", b.kafkaBootstrapServers,
                    b.kafka.logDirectory(), startMillis);
        }
    }

    private static void startMongo(Builder b, ExternalServers external, Path root) {
        if (external.hasMongo()) {
            b.mongoBaseUri = external.mongoUri();
            log.info("MongoDB: external server {} ({})", redactMongoUri(external.mongoUri()), ExternalServers.MONGODB_URI);
            return;
        }
        long startedAt = System.nanoTime();
        b.mongo = EmbeddedMongoServer.start(b.options.persistent() ? root.resolve("mongo.mv") : null, b.options.mongoPort());
        b.mongoBaseUri = b.mongo.baseUri();
        log.info("MongoDB-wire (embedded) listening on 127.0.0.1:{}, data {}, started in {} ms", b.mongo.port(),
                b.mongo.file() == null ? "in memory" : "in H2 file " + b.mongo.file(), millisSince(startedAt));
    }

    private static void startSmtp(Builder b, ExternalServers external) {
        if (external.hasSmtp()) {
            b.smtpHost = external.smtpHost();
            b.smtpPort = external.smtpPort();
            log.info("SMTP: external server {}:{} ({})", b.smtpHost, b.smtpPort, ExternalServers.SMTP_HOST);
            return;
        }
        long startedAt = System.nanoTime();
        b.smtp = EmbeddedSmtpServer.start(b.options.smtpPort());
        b.smtpHost = b.smtp.host();
        b.smtpPort = b.smtp.port();
        log.info("SMTP (embedded GreenMail) listening on {}:{}, started in {} ms", b.smtpHost, b.smtpPort,
                millisSince(startedAt));
    }

    /** The options this instance was started with. */
    public InfrastructureOptions options() {
        return options;
    }

    /**
     * JDBC URL of {@code database} (e.g. {@code jdbc:postgresql://127.0.0.1:15432/intake}), creating the database on
     * first use: one database per service.
     */
    public String jdbcUrl(String database) {
        checkOpen();
        return databases.jdbcUrl(database);
    }

    public String jdbcUsername() {
        return databases.user();
    }

    public String jdbcPassword() {
        return databases.password();
    }

    /** {@code 127.0.0.1:port} of the embedded broker, or {@code CIRCC_KAFKA_BROKERS}. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** {@code mongodb://127.0.0.1:port/<database>}, or {@code CIRCC_MONGODB_URI} with the database appended. */
    public String mongoUri(String database) {
        return Uris.mongoUri(mongoBaseUri, Uris.checkDatabaseName(database));
    }

    public String smtpHost() {
        return smtpHost;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Which parts run in this process (the others are external servers). */
    public boolean isEmbeddedPostgres() {
        return postgres != null;
    }

    public boolean isEmbeddedKafka() {
        return kafka != null;
    }

    public boolean isEmbeddedMongo() {
        return mongo != null;
    }

    public boolean isEmbeddedSmtp() {
        return smtp != null;
    }

    /**
     * The Spring properties that connect a service to this infrastructure: its own PostgreSQL database (named like the
     * service, created if missing), Kafka for Spring Cloud Stream and Spring Kafka, MongoDB database
     * {@code circc_<service>}, and SMTP.
     */
    public Map<String, String> springPropertiesFor(String service) {
        Uris.checkDatabaseName(service);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl(service));
        properties.put("spring.datasource.username", jdbcUsername());
        properties.put("spring.datasource.password", jdbcPassword());
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafkaBootstrapServers());
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.data.mongodb.uri", mongoUri(MONGO_DATABASE_PREFIX + service));
        properties.put("spring.mail.host", smtpHost());
        properties.put("spring.mail.port", Integer.toString(smtpPort()));
        return properties;
    }

    /** Envelope recipients of the mails the embedded SMTP server received so far; empty for an external server. */
    public List<String> receivedMailRecipients() {
        return receivedMails().stream().map(ReceivedMail::recipient).toList();
    }

    /** Mails the embedded SMTP server received so far, one per recipient, oldest first; empty for an external server. */
    public List<ReceivedMail> receivedMails() {
        return smtp == null ? List.of() : smtp.receivedMails();
    }

    /** Forgets the mails received so far (embedded SMTP only). */
    public void clearReceivedMails() {
        if (smtp != null) {
            smtp.clearReceivedMails();
        }
    }

    /**
     * Stops SMTP, MongoDB-wire, Kafka and PostgreSQL, in that order, and deletes a temporary data directory. Does
     * nothing on the {@link #shared()} instance, which its shutdown hook closes.
     */
    @Override
    public void close() {
        if (isShared) {
            log.debug("close() on the shared infrastructure ignored: a shutdown hook closes it");
            return;
        }
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook is running or has run
        }
    }

    private void stop() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long startedAt = System.nanoTime();
        stopAll(postgres, kafka, mongo, smtp, temporaryDirectory);
        containers.close();
        log.info("Infrastructure stopped in {} ms", millisSince(startedAt));
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the infrastructure is closed");
        }
    }

    /** Stops in reverse start order (SMTP, MongoDB-wire, Kafka, PostgreSQL); a part that is null was not started. */
    private static void stopAll(EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka, EmbeddedMongoServer mongo,
                                EmbeddedSmtpServer smtp, Path temporaryDirectory) {
        for (AutoCloseable component : new AutoCloseable[] {smtp, mongo, kafka, postgres}) {
            if (component == null) {
                continue;
            }
            try {
                component.close();
            } catch (Exception e) {
                log.warn("Could not stop {} cleanly", component.getClass().getSimpleName(), e);
            }
        }
        Directories.deleteTree(temporaryDirectory);
    }

    private static String redactJdbcUrl(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String redactMongoUri(String uri) {
        return uri.replaceFirst("://[^@/]*@", "://***@");
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /** What has been started so far, so that a failed start stops it again. */
    private static final class Builder {
        final InfrastructureOptions options;
        Path temporaryDirectory;
        EmbeddedPostgresServer postgres;
        EmbeddedKafkaServer kafka;
        EmbeddedMongoServer mongo;
        EmbeddedSmtpServer smtp;
        ContainerServers containers = ContainerServers.none();
        PostgresDatabases databases;
        String kafkaBootstrapServers;
        String mongoBaseUri;
        String smtpHost;
        int smtpPort;
        volatile long postgresMillis;

        Builder(InfrastructureOptions options) {
            this.options = options;
        }

        void stopStarted() {
            stopAll(postgres, kafka, mongo, smtp, temporaryDirectory);
            containers.close();
        }
    }
}
