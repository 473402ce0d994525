package org.circc.timeline.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Which generation of the read models serves reads (a document in {@code read_model_generation}), and which ones
 * the live projection writes: the active one, plus the one a rebuild is filling, so that nothing the live consumer
 * handles during a rebuild is missing from the rebuilt models. Switching is one write: reads never see a half-built
 * generation.
 */
public class ReadModelGenerations {

    static final String META = "read_model_generation";

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper objectMapper;
    private volatile ReadModels active;
    private volatile ReadModels rebuilding;

    public ReadModelGenerations(ReactiveMongoTemplate mongo, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
    }

    /** Reads the active generation (1 on a fresh database). */
    public Mono<ReadModels> load() {
        return mongo.getCollection(META)
                .flatMap(meta -> Mono.from(meta.find(Filters.eq("_id", "active")).first()))
                .map(document -> ((Number) document.get("generation")).longValue())
                .defaultIfEmpty(1L)
                .map(generation -> ReadModels.of(mongo, objectMapper, generation))
                .flatMap(models -> models.ensureIndexes().thenReturn(models))
                .doOnNext(models -> active = models);
    }

    public ReadModels active() {
        ReadModels current = active;
        if (current == null) {
            throw new IllegalStateException("read models not loaded yet");
        }
        return current;
    }

    /** Where the live projection writes each event. */
    public List<ReadModels> writeTargets() {
        ReadModels next = rebuilding;
        return next == null ? List.of(active()) : List.of(active(), next);
    }

    /**
     * Starts filling the next generation: drops whatever an earlier generation or an abandoned rebuild left, then
     * makes the live projection write to it too.
     */
    public synchronized Mono<ReadModels> beginRebuild() {
        if (rebuilding != null) {
            return Mono.error(new IllegalStateException("a rebuild is already running"));
        }
        ReadModels next = ReadModels.of(mongo, objectMapper, active().generation() + 1);
        String activeSuffix = ReadModels.SUFFIX + active().generation();
        return mongo.getCollectionNames()
                .filter(name -> name.contains(ReadModels.SUFFIX) && !name.endsWith(activeSuffix))
                .concatMap(mongo::dropCollection)
                .then(next.ensureIndexes())
                .then(Mono.fromRunnable(() -> rebuilding = next))
                .thenReturn(next);
    }

    /** Makes the rebuilt generation the one that serves; the old one stays until the next rebuild drops it. */
    public synchronized Mono<Void> completeRebuild(ReadModels rebuilt) {
        return mongo.getCollection(META)
                .flatMap(meta -> Mono.from(meta.replaceOne(Filters.eq("_id", "active"),
                        new Document("_id", "active").append("generation", rebuilt.generation()),
                        new ReplaceOptions().upsert(true))))
                .then(Mono.fromRunnable(() -> {
                    active = rebuilt;
                    rebuilding = null;
                }));
    }

    public synchronized void abandonRebuild() {
        rebuilding = null;
    }
}
