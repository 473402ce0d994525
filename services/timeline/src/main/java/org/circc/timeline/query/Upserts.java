package org.circc.timeline.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Mono;

/** Idempotent writes to documents keyed by {@code _id}, which several consumer threads may create at once. */
final class Upserts {

    private Upserts() {
    }

    /**
     * Applies the update, inserting the document if there is none. Two writers may both find none and both insert;
     * the loser's insert collides on {@code _id}, and its update is then applied to the winner's document.
     */
    static Mono<UpdateResult> updateOrInsert(MongoCollection<Document> collection, Bson filter, Bson update) {
        return Mono.from(collection.updateOne(filter, update, new UpdateOptions().upsert(true)))
                .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.from(collection.updateOne(filter, update))
                        : Mono.error(e));
    }
}
