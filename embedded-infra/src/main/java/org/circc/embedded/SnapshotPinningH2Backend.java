package org.circc.embedded;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with the store's current version pinned while each command runs.
 *
 * <p>A query walks the whole collection map (secondary indexes are ignored) before it answers. MVStore frees the
 * chunks of superseded versions once they are older than its retention time (45 s), whatever still reads them: a
 * walk longer than that, while writes or background compaction go on, fails with "Chunk N not found"
 * (h2database/h2database#4218, #4383). It did during a read-model rebuild over 1,000,000 events. Pinning is what
 * H2's maintainers prescribe for long reads: {@link MVStore#registerVersionUsage()} keeps the version a command
 * reads until it ends, and nothing longer.
 */
final class SnapshotPinningH2Backend extends H2Backend {

    SnapshotPinningH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        return pinned(() -> super.handleCommand(channel, databaseName, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return pinned(() -> super.handleQuery(query));
    }

    private <T> T pinned(Supplier<T> command) {
        MVStore store = getMvStore();
        MVStore.TxCounter pin = store.registerVersionUsage();
        try {
            return command.get();
        } finally {
            store.deregisterVersionUsage(pin);
        }
    }
}
