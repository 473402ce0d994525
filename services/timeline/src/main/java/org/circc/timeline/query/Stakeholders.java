package org.circc.timeline.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.circc.contracts.events.StakeholderSnapshot;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The directory as {@code circc.directory-events} tells it: stakeholder id to snapshot, only what the sharing rule
 * needs (who a stakeholder's principal and organisation are, what it subscribes to). Each document keeps the time
 * of the event it reflects, so an older event delivered late never overwrites a newer one, whatever the order and
 * concurrency of the writes (live and rebuild); a removal leaves a tombstone for the same reason.
 */
public class Stakeholders {

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper objectMapper;
    private final String collection;

    public Stakeholders(ReactiveMongoTemplate mongo, ObjectMapper objectMapper, String collection) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
        this.collection = collection;
    }

    public Mono<Void> save(StakeholderSnapshot stakeholder, Instant at) {
        Document document = new Document("_id", stakeholder.stakeholderId())
                .append("at", Date.from(at))
                .append("snapshot", new Document(objectMapper.convertValue(stakeholder,
                        new TypeReference<Map<String, Object>>() {
                        })));
        return replaceUnlessNewer(stakeholder.stakeholderId(), document, at);
    }

    public Mono<Void> remove(String stakeholderId, Instant at) {
        return replaceUnlessNewer(stakeholderId, new Document("_id", stakeholderId).append("at", Date.from(at)), at);
    }

    /** Every current stakeholder by id: the directory is small (hundreds), so a read loads it whole. */
    public Mono<Map<String, StakeholderSnapshot>> all() {
        return mongo.getCollection(collection)
                .flatMapMany(directory -> directory.find(Filters.exists("snapshot")))
                .map(document -> objectMapper.convertValue(document.get("snapshot", Document.class),
                        StakeholderSnapshot.class))
                .collect(Collectors.toMap(StakeholderSnapshot::stakeholderId, stakeholder -> stakeholder));
    }

    /**
     * Replaces the document only if it reflects an older event, atomically: when it does not, the filter matches
     * nothing and the upsert's insert collides on {@code _id}; the collision may also be another writer's first
     * insert, so the replacement is tried once more without inserting.
     */
    private Mono<Void> replaceUnlessNewer(String stakeholderId, Document document, Instant at) {
        Bson olderOne = Filters.and(Filters.eq("_id", stakeholderId), Filters.lt("at", Date.from(at)));
        return mongo.getCollection(collection)
                .flatMap(directory -> Mono.from(directory.replaceOne(olderOne, document, new ReplaceOptions().upsert(true)))
                        .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                                ? Mono.from(directory.replaceOne(olderOne, document)) : Mono.error(e)))
                .then();
    }
}
