package org.circc.timeline.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Timelines in MongoDB, one document per incident keyed by its id (the bucket pattern: reads by {@code _id}
 * only, which the embedded MongoDB-wire server serves without secondary indexes). Appends are idempotent on the
 * event id, so a redelivered event adds nothing.
 */
public class IncidentTimelineRepository {

    static final String COLLECTION = "incident_timelines";

    private final ReactiveMongoTemplate mongo;

    public IncidentTimelineRepository(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @return true when the entry was added, false when the timeline already had it */
    public Mono<Boolean> append(IncidentId incidentId, TimelineEntry entry, ReportedFacts facts) {
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.push("entries", toDocument(entry)));
        if (facts != null) {
            updates.add(Updates.set("reporterOrg", facts.reporterOrg()));
            updates.add(Updates.set("tlp", facts.tlp().label()));
        }
        Bson notYetAppended = Filters.and(Filters.eq("_id", incidentId.toString()),
                Filters.ne("entries.eventId", entry.eventId()));
        Bson update = Updates.combine(updates);
        return mongo.getCollection(COLLECTION)
                .flatMap(timelines -> Mono.from(timelines.updateOne(notYetAppended, update, new UpdateOptions().upsert(true)))
                        .map(result -> true)
                        // the document exists: it has the entry already, or another append created it between our
                        // filter and our insert (MongoDB does not retry an upsert whose filter is not equalities only),
                        // so append to it unless it has the entry
                        .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                                ? Mono.from(timelines.updateOne(notYetAppended, update)).map(result -> result.getMatchedCount() > 0)
                                : Mono.error(e)));
    }

    public Mono<IncidentTimeline> find(IncidentId incidentId) {
        return mongo.getCollection(COLLECTION)
                .flatMap(timelines -> Mono.from(timelines.find(Filters.eq("_id", incidentId.toString())).first()))
                .map(document -> fromDocument(incidentId, document));
    }

    /** What the report itself tells the timeline about who may read it. */
    public record ReportedFacts(String reporterOrg, Tlp tlp) {
    }

    private static Document toDocument(TimelineEntry entry) {
        Document actor = new Document("kind", entry.actor().kind().name()).append("id", entry.actor().id());
        if (entry.actor().organisation() != null) {
            actor.append("organisation", entry.actor().organisation());
        }
        return new Document("eventId", entry.eventId())
                .append("at", Date.from(entry.at()))
                .append("type", entry.type())
                .append("actor", actor)
                .append("summary", entry.summary())
                .append("data", new Document(entry.data()));
    }

    private static IncidentTimeline fromDocument(IncidentId incidentId, Document document) {
        List<TimelineEntry> entries = document.getList("entries", Document.class, List.of()).stream()
                .map(IncidentTimelineRepository::entryFromDocument)
                .toList();
        String tlp = document.getString("tlp");
        return new IncidentTimeline(incidentId, document.getString("reporterOrg"), tlp == null ? null : Tlp.parse(tlp),
                entries);
    }

    @SuppressWarnings("unchecked")
    private static TimelineEntry entryFromDocument(Document entry) {
        Document actor = entry.get("actor", Document.class);
        return new TimelineEntry(entry.getString("eventId"), entry.getDate("at").toInstant(), entry.getString("type"),
                new Actor(Actor.Kind.valueOf(actor.getString("kind")), actor.getString("id"), actor.getString("organisation")),
                entry.getString("summary"), (Map<String, Object>) (Map<?, ?>) entry.get("data", Document.class));
    }
}
