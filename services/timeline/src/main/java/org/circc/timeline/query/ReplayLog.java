package org.circc.timeline.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.circc.contracts.IncidentId;
import org.circc.platform.config.PlatformJacksonConfiguration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Map;

/**
 * Every timeline entry of every incident in ingest order, for replay: each gets the next ingest position (a counter
 * document, incremented atomically) the first time its event arrives; a redelivery keeps the first position.
 */
public class ReplayLog {

    private static final int BATCH = 100;

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper objectMapper;
    private final String collection;
    private final String counters;

    public ReplayLog(ReactiveMongoTemplate mongo, ObjectMapper objectMapper, String collection, String counters) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
        this.collection = collection;
        this.counters = counters;
    }

    /** An entry with its position and incident, as replay sends it. */
    public record Logged(long position, IncidentId incidentId, TimelineEntry entry) {
    }

    public Mono<Void> append(IncidentId incidentId, TimelineEntry entry) {
        return nextPosition().flatMap(position -> mongo.getCollection(collection)
                .flatMap(log -> Mono.from(log.updateOne(Filters.eq("_id", entry.eventId() + "/" + incidentId),
                        Updates.combine(
                                Updates.setOnInsert("position", position),
                                Updates.setOnInsert("at", text(entry.at())),
                                Updates.setOnInsert("incidentId", incidentId.toString()),
                                Updates.setOnInsert("entry", new Document(objectMapper.convertValue(entry,
                                        new TypeReference<Map<String, Object>>() {
                                        })))),
                        new UpdateOptions().upsert(true)))))
                .then();
    }

    /**
     * Entries that happened in [{@code from}, {@code to}) in ingest order, read from MongoDB a batch at a time as
     * the subscriber asks for them: a slow reader holds one batch, not the whole period.
     */
    public Flux<Logged> between(Instant from, Instant to) {
        return mongo.getCollection(collection)
                .flatMapMany(log -> Flux.from(log.find(Filters.and(Filters.gte("at", text(from)), Filters.lt("at", text(to))))
                        .sort(Sorts.ascending("position"))
                        .batchSize(BATCH)))
                .limitRate(BATCH)
                .map(document -> new Logged(((Number) document.get("position")).longValue(),
                        IncidentId.of(document.getString("incidentId")),
                        objectMapper.convertValue(document.get("entry", Document.class), TimelineEntry.class)));
    }

    Mono<Void> ensureIndexes() {
        return mongo.getCollection(collection)
                .flatMap(log -> Mono.from(log.createIndex(Indexes.ascending("position"))))
                .then();
    }

    private Mono<Long> nextPosition() {
        return mongo.getCollection(counters)
                .flatMap(counter -> Mono.from(counter.findOneAndUpdate(Filters.eq("_id", "ingest"), Updates.inc("value", 1L),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER))))
                .map(document -> ((Number) document.get("value")).longValue());
    }

    private static String text(Instant instant) {
        return PlatformJacksonConfiguration.MILLISECOND_INSTANT.format(instant);
    }
}
