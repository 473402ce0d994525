package org.circc.timeline.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.circc.contracts.IncidentId;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The live incident views, one document per incident keyed by its id. Times are stored as the platform's
 * fixed-width UTC text (millisecond precision), so they sort and compare as text, newest first by
 * {@code reportedAt}.
 */
public class IncidentViews {

    private static final Bson NEWEST_FIRST = Sorts.orderBy(Sorts.descending("reportedAt"), Sorts.ascending("_id"));

    private final ReactiveMongoTemplate mongo;
    private final ObjectMapper objectMapper;
    private final String collection;

    public IncidentViews(ReactiveMongoTemplate mongo, ObjectMapper objectMapper, String collection) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
        this.collection = collection;
    }

    /** What a list may be filtered by (api.md); empty collections and a null severity do not filter. */
    public record Filter(Collection<String> statuses, Integer minSeverity, Collection<String> sectors,
                         Collection<String> campaignIds) {

        public static final Filter NONE = new Filter(List.of(), null, List.of(), List.of());

        Bson toBson() {
            List<Bson> conditions = new ArrayList<>();
            if (!statuses.isEmpty()) {
                conditions.add(Filters.in("status", statuses));
            }
            if (minSeverity != null) {
                conditions.add(Filters.gte("severity.level", minSeverity));
            }
            if (!sectors.isEmpty()) {
                conditions.add(Filters.in("sector", sectors));
            }
            if (!campaignIds.isEmpty()) {
                conditions.add(Filters.in("campaignId", campaignIds));
            }
            return conditions.isEmpty() ? new Document() : Filters.and(conditions);
        }
    }

    public Mono<Void> save(IncidentView view) {
        Document document = new Document(objectMapper.convertValue(view, new TypeReference<Map<String, Object>>() {
        })).append("_id", view.incidentId().toString());
        return mongo.getCollection(collection)
                .flatMap(views -> Mono.from(views.replaceOne(Filters.eq("_id", view.incidentId().toString()), document,
                        new ReplaceOptions().upsert(true))))
                .then();
    }

    public Mono<IncidentView> find(IncidentId incidentId) {
        return mongo.getCollection(collection)
                .flatMap(views -> Mono.from(views.find(Filters.eq("_id", incidentId.toString())).first()))
                .map(this::fromDocument);
    }

    public Flux<IncidentView> findAll(Collection<IncidentId> incidentIds) {
        if (incidentIds.isEmpty()) {
            return Flux.empty();
        }
        return mongo.getCollection(collection)
                .flatMapMany(views -> Flux.from(views.find(Filters.in("_id",
                        incidentIds.stream().map(IncidentId::toString).toList()))))
                .map(this::fromDocument);
    }

    /** The matching views, newest first, streamed as the reader consumes them. */
    public Flux<IncidentView> find(Filter filter) {
        return mongo.getCollection(collection)
                .flatMapMany(views -> Flux.from(views.find(filter.toBson()).sort(NEWEST_FIRST).batchSize(200)))
                .map(this::fromDocument);
    }

    /** One page of the matching views, newest first: for callers who may see every incident. */
    public Mono<Page<IncidentView>> page(Filter filter, int page, int size) {
        return mongo.getCollection(collection).flatMap(views -> Mono.zip(
                Flux.from(views.find(filter.toBson()).sort(NEWEST_FIRST).skip(page * size).limit(size))
                        .map(this::fromDocument).collectList(),
                Mono.from(views.countDocuments(filter.toBson())))
                .map(pageAndTotal -> new Page<>(pageAndTotal.getT1(), page, size, pageAndTotal.getT2())));
    }

    /** Views of incidents reported in [{@code from}, {@code to}). */
    public Flux<IncidentView> reportedBetween(String from, String to) {
        return mongo.getCollection(collection)
                .flatMapMany(views -> Flux.from(views.find(Filters.and(Filters.gte("reportedAt", from),
                        Filters.lt("reportedAt", to)))))
                .map(this::fromDocument);
    }

    Mono<Void> ensureIndexes() {
        return mongo.getCollection(collection)
                .flatMapMany(views -> Flux.concat(
                        views.createIndex(Indexes.compoundIndex(Indexes.descending("reportedAt"), Indexes.ascending("_id"))),
                        views.createIndex(Indexes.ascending("status")),
                        views.createIndex(Indexes.ascending("campaignId"))))
                .then();
    }

    private IncidentView fromDocument(Document document) {
        Document copy = new Document(document);
        copy.remove("_id");
        return objectMapper.convertValue(copy, IncidentView.class);
    }
}
