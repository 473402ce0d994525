package org.circc.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka (KRaft, combined broker and controller) on 127.0.0.1 whose log directory is ours.
 *
 * <p>Why not {@code EmbeddedKafkaKraftBroker}: in spring-kafka-test 3.3 it wraps Kafka's {@code KafkaClusterTestKit},
 * which always puts {@code log.dirs} and {@code metadata.log.dir} in a fresh temporary directory (a {@code log.dirs}
 * broker property is overwritten), formats it with a new cluster id on every start and deletes it on close; its
 * {@code kafkaPorts(..)} is documented as "out of use" for KRaft. So it can keep neither data nor a fixed port. This
 * class runs the same server classes ({@code KafkaRaftServer}, what {@code kafka-server-start.sh} runs) on a
 * directory that is formatted only when it holds no {@code meta.properties} yet: a restart on the same directory finds
 * the cluster id, node id, metadata log and topic data it left behind.
 */
final class EmbeddedKafkaServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
    private static final int NODE_ID = 1;
    private static final String LOOPBACK = "127.0.0.1";
    private static final int START_ATTEMPTS_ON_PORT_CLASH = 3;

    private final KafkaRaftServer server;
    private final int port;
    private final Path logDirectory;

    private EmbeddedKafkaServer(KafkaRaftServer server, int port, Path logDirectory) {
        this.server = server;
        this.port = port;
        this.logDirectory = logDirectory;
    }

    /** Starts the broker on {@code logDirectory} (formatted if new) and {@code port} (0: any free port). */
    static EmbeddedKafkaServer start(Path logDirectory, int port, int partitions) {
        overrideExitProcedures();
        try {
            Files.createDirectories(logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create Kafka log directory " + logDirectory, e);
        }
        for (int attempt = 1; ; attempt++) {
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Map<String, String> config = config(logDirectory, brokerPort, controllerPort, partitions);
            formatIfNew(logDirectory);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
            try {
                server.startup();
                return new EmbeddedKafkaServer(server, brokerPort, logDirectory);
            } catch (RuntimeException e) {
                stopQuietly(server);
                // a free port we picked was taken by someone else before Kafka bound it: pick again
                if (attempt < START_ATTEMPTS_ON_PORT_CLASH && causedByBindFailure(e)) {
                    log.warn("Kafka could not bind its ports ({}), retrying with other ports", e.getMessage());
                    continue;
                }
                throw new IllegalStateException("could not start embedded Kafka on " + logDirectory, e);
            }
        }
    }

    static Map<String, String> config(Path logDirectory, int brokerPort, int controllerPort, int partitions) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort + ",CONTROLLER://" + LOOPBACK + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logDirectory.toString());
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", Integer.toString(partitions));
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", Integer.toString(partitions));
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "true");
        config.put("num.partitions", Integer.toString(partitions));
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        // integration topics are the platform's shared history: keep their records indefinitely
        config.put("log.retention.ms", "-1");
        config.put("log.retention.bytes", "-1");
        config.put("delete.topic.enable", "true");
        // the default 128 MB dedupe buffer is allocated up front; 2 MB is plenty for a local broker
        config.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "4");
        return config;
    }

    private static void formatIfNew(Path logDirectory) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka log directory " + logDirectory, e);
        }
    }

    /** Kafka calls {@code Exit.exit/halt} on fatal errors; in-process that must not end the whole JVM. */
    private static void overrideExitProcedures() {
        Exit.setExitProcedure((status, message) -> log.error("Embedded Kafka asked to exit({}): {}", status, message));
        Exit.setHaltProcedure((status, message) -> log.error("Embedded Kafka asked to halt({}): {}", status, message));
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || (cause.getMessage() != null && cause.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        }
    }

    private static void stopQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.debug("while stopping a Kafka server that failed to start", e);
        }
    }

    int port() {
        return port;
    }

    Path logDirectory() {
        return logDirectory;
    }

    String bootstrapServers() {
        return LOOPBACK + ":" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
