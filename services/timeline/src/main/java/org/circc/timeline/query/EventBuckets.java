package org.circc.timeline.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The events of one incident or one campaign, one document per key (the bucket pattern: every read is by
 * {@code _id}, which the embedded MongoDB-wire server serves without secondary indexes). Appends are idempotent, so a
 * redelivered event adds nothing. Events are kept whole, typed by their CloudEvents type, so that
 * every view is a fold over them.
 */
public class EventBuckets {

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper objectMapper;
    private final String collection;

    public EventBuckets(ReactiveMongoTemplate mongo, ObjectMapper objectMapper, String collection) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
        this.collection = collection;
    }

    /**
     * Adds the event unless the bucket has it. The filter is the key alone, so that the append is served by the
     * {@code _id} index (the embedded MongoDB-wire server scans the whole collection for any other filter), and the
     * set semantics of {@code $addToSet} make it idempotent: an event always maps to the same document.
     *
     * @return true when the event was added, false when the bucket already had it
     */
    public Mono<Boolean> append(String key, RecordedEvent recorded) {
        Bson bucket = Filters.eq("_id", key);
        Bson update = Updates.addToSet("events", toDocument(recorded));
        return mongo.getCollection(collection)
                .flatMap(buckets -> Upserts.updateOrInsert(buckets, bucket, update))
                .map(result -> result.getUpsertedId() != null || result.getModifiedCount() > 0);
    }

    /** The bucket's events in arrival order; empty when there is no bucket. */
    public Mono<List<RecordedEvent>> find(String key) {
        return mongo.getCollection(collection)
                .flatMap(buckets -> Mono.from(buckets.find(Filters.eq("_id", key)).first()))
                .map(this::eventsOf)
                .defaultIfEmpty(List.of());
    }

    /** Every bucket, as its key and events: for questions about all incidents at an earlier instant. */
    public Flux<Map.Entry<String, List<RecordedEvent>>> all() {
        return mongo.getCollection(collection)
                .flatMapMany(buckets -> Flux.from(buckets.find()))
                .map(document -> Map.entry(document.getString("_id"), eventsOf(document)));
    }

    /** The key of every bucket, read a batch at a time. */
    public Flux<String> keys() {
        return mongo.getCollection(collection)
                .flatMapMany(buckets -> Flux.from(buckets.find().projection(Projections.include("_id")).batchSize(500)))
                .map(bucket -> bucket.getString("_id"));
    }

    private Document toDocument(RecordedEvent recorded) {
        Map<String, Object> payload = objectMapper.convertValue(recorded.event(), new TypeReference<>() {
        });
        return new Document("eventId", recorded.eventId())
                .append("type", IntegrationEventCatalogue.of(recorded.event().getClass()).type())
                .append("at", Date.from(recorded.at()))
                .append("payload", new Document(payload));
    }

    private List<RecordedEvent> eventsOf(Document bucket) {
        return bucket.getList("events", Document.class, List.of()).stream()
                .map(this::fromDocument)
                .toList();
    }

    private RecordedEvent fromDocument(Document document) {
        Class<? extends IntegrationEvent> eventClass = IntegrationEventCatalogue.ofType(document.getString("type"))
                .orElseThrow(() -> new IllegalStateException("stored event of unknown type " + document.getString("type")))
                .eventClass();
        return new RecordedEvent(document.getString("eventId"),
                objectMapper.convertValue(document.get("payload", Document.class), eventClass));
    }
}
