package org.circc.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * MongoDB wire protocol server (mongo-java-server) on 127.0.0.1: H2 MVStore file backend when data must survive a
 * restart, in-memory otherwise. The file store pins what each command reads ({@link SnapshotPinningH2Backend}).
 */
final class EmbeddedMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path file;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address, Path file) {
        this.server = server;
        this.address = address;
        this.file = file;
    }

    /** {@code file} null: in-memory backend. */
    static EmbeddedMongoServer start(Path file, int port) {
        MongoBackend backend;
        if (file == null) {
            backend = new MemoryBackend();
        } else {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("could not create the directory of " + file, e);
            }
            backend = new SnapshotPinningH2Backend(new MVStore.Builder().fileName(file.toString()).open());
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(new InetSocketAddress("127.0.0.1", port), 1, 2);
        } catch (RuntimeException e) {
            backend.close();
            throw new IllegalStateException("could not bind the MongoDB-wire server to 127.0.0.1:" + port, e);
        }
        return new EmbeddedMongoServer(server, server.getLocalAddress(), file);
    }

    int port() {
        return address.getPort();
    }

    Path file() {
        return file;
    }

    /** {@code mongodb://127.0.0.1:port}, to which a database name is appended. */
    String baseUri() {
        return "mongodb://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        // stops listening, closes the cursors and then the backend (which commits and closes the H2 file)
        server.shutdown();
    }
}
