package org.circc.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slow walk over a whole collection while other collections are written and the store compacts, with chunks
 * retained for 100 ms only: superseded chunks are freed during the walk. Unpinned, the walk fails with "Chunk N
 * not found" (it did on mongo-java-server's own H2 backend when this test was written); pinned, it completes.
 */
class SnapshotPinningH2BackendTest {

    private static final int WALKED = 150;
    private static final int WRITTEN = 20_000;

    @TempDir
    Path directory;

    @Test
    void aSlowWalkCompletesWhileWritesAndCompactionFreeChunks() throws Exception {
        MVStore store = new MVStore.Builder().fileName(directory.resolve("mongo.mv").toString()).open();
        store.setRetentionTime(100);
        MongoServer server = new MongoServer(new SnapshotPinningH2Backend(store));
        server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 2);
        ExecutorService background = Executors.newFixedThreadPool(3);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoCollection<Document> walked = client.getDatabase("circc_test").getCollection("walked");
            MongoCollection<Document> written = client.getDatabase("circc_test").getCollection("written");
            String body = "x".repeat(2_000);
            // every document's probe takes the backtracking regular expression below milliseconds to reject: a slow walk
            walked.insertMany(IntStream.range(0, WALKED)
                    .mapToObj(i -> new Document("_id", i).append("body", i + body).append("probe", "x".repeat(20)))
                    .toList());

            AtomicBoolean walking = new AtomicBoolean(true);
            List<Future<Integer>> work = new ArrayList<>();
            work.add(background.submit(() -> {
                int compactions = 0;
                while (walking.get()) {
                    store.compact(100, 8 * 1024 * 1024);
                    compactions++;
                }
                return compactions;
            }));
            for (int w = 0; w < 2; w++) {
                work.add(background.submit(() -> {
                    int writes = 0;
                    while (walking.get()) {
                        int id = ThreadLocalRandom.current().nextInt(WRITTEN);
                        written.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("body", body)
                                .append("revision", writes), new ReplaceOptions().upsert(true));
                        writes++;
                    }
                    return writes;
                }));
            }

            long started = System.nanoTime();
            try {
                for (int walk = 0; walk < 2; walk++) {
                    assertThat(walked.find(Filters.regex("probe", "(.*x){12}y")).into(new ArrayList<>())).isEmpty();
                    assertThat(walked.countDocuments()).isEqualTo(WALKED);
                }
            } finally {
                walking.set(false);
            }
            long walkMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) / 2;
            int writes = 0;
            for (Future<Integer> done : work.subList(1, work.size())) {
                writes += done.get(30, TimeUnit.SECONDS);
            }
            assertThat(work.get(0).get(30, TimeUnit.SECONDS)).as("compactions").isPositive();
            assertThat(walkMillis).as("a walk, in ms: many times the retention time").isGreaterThan(1_000);
            assertThat(writes).as("writes during the walks").isGreaterThan(100);
        } finally {
            background.shutdownNow();
            server.shutdown();
        }
    }
}
