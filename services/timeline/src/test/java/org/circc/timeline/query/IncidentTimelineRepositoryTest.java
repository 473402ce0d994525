package org.circc.timeline.query;

import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The append's race that the embedded MongoDB-wire server (which runs one write at a time) cannot show: two
 * appends to an incident without a document both miss it and both insert; the loser gets a duplicate key error.
 * A real MongoDB does not retry such an upsert itself (its filter is not equalities only), so the repository must.
 */
class IncidentTimelineRepositoryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final IncidentId INCIDENT = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final TimelineEntry ENTRY = new TimelineEntry("event-1", Instant.parse("2026-07-24T10:20:00Z"),
            "incident.reported", Actor.principal("ops@venue-tokyo", "venue-tokyo"), "Reported", Map.of());
    private static final IncidentTimelineRepository.ReportedFacts FACTS =
            new IncidentTimelineRepository.ReportedFacts("venue-tokyo", Tlp.AMBER);

    @SuppressWarnings("unchecked")
    private final MongoCollection<Document> collection = mock(MongoCollection.class);
    private final ReactiveMongoTemplate mongo = mock(ReactiveMongoTemplate.class);
    private final IncidentTimelineRepository repository = new IncidentTimelineRepository(mongo);

    @BeforeEach
    void collection() {
        given(mongo.getCollection("incident_timelines")).willReturn(Mono.just(collection));
    }

    @Test
    void anAppendThatLosesTheRaceToCreateTheDocumentAppendsToTheWinnersDocument() {
        given(collection.updateOne(any(Bson.class), any(Bson.class), any(UpdateOptions.class)))
                .willReturn(Mono.error(writeError(11000, "E11000 duplicate key error collection: incident_timelines")));
        given(collection.updateOne(any(Bson.class), any(Bson.class)))
                .willReturn(Mono.just(UpdateResult.acknowledged(1, 1L, null)));

        StepVerifier.create(repository.append(INCIDENT, ENTRY, FACTS)).expectNext(true).expectComplete().verify(TIMEOUT);

        ArgumentCaptor<Bson> upsertFilter = ArgumentCaptor.forClass(Bson.class);
        ArgumentCaptor<Bson> upsertUpdate = ArgumentCaptor.forClass(Bson.class);
        verify(collection).updateOne(upsertFilter.capture(), upsertUpdate.capture(), any(UpdateOptions.class));
        ArgumentCaptor<Bson> retryFilter = ArgumentCaptor.forClass(Bson.class);
        ArgumentCaptor<Bson> retryUpdate = ArgumentCaptor.forClass(Bson.class);
        verify(collection).updateOne(retryFilter.capture(), retryUpdate.capture());
        // the same guarded append, now on the existing document: it adds the entry only if that still lacks it
        assertThat(render(retryFilter.getValue())).isEqualTo(render(upsertFilter.getValue()))
                .contains("\"_id\": \"" + INCIDENT + "\"").contains("\"$ne\": \"event-1\"");
        assertThat(render(retryUpdate.getValue())).isEqualTo(render(upsertUpdate.getValue()))
                .contains("$push").contains("\"reporterOrg\": \"venue-tokyo\"").contains("\"tlp\": \"TLP:AMBER\"");
    }

    @Test
    void anAppendOfAnEntryTheDocumentAlreadyHasAddsNothing() {
        given(collection.updateOne(any(Bson.class), any(Bson.class), any(UpdateOptions.class)))
                .willReturn(Mono.error(writeError(11000, "E11000 duplicate key error collection: incident_timelines")));
        given(collection.updateOne(any(Bson.class), any(Bson.class)))
                .willReturn(Mono.just(UpdateResult.acknowledged(0, 0L, null)));

        StepVerifier.create(repository.append(INCIDENT, ENTRY, FACTS)).expectNext(false).expectComplete().verify(TIMEOUT);
    }

    @Test
    void otherWriteErrorsFailTheAppend() {
        given(collection.updateOne(any(Bson.class), any(Bson.class), any(UpdateOptions.class)))
                .willReturn(Mono.error(writeError(10334, "BSONObj size is invalid")));

        StepVerifier.create(repository.append(INCIDENT, ENTRY, FACTS))
                .expectError(MongoWriteException.class)
                .verify(TIMEOUT);
        verify(collection, never()).updateOne(any(Bson.class), any(Bson.class));
    }

    private static MongoWriteException writeError(int code, String message) {
        return new MongoWriteException(new WriteError(code, message, new BsonDocument()), new ServerAddress(), Set.of());
    }

    private static String render(Bson bson) {
        return bson.toBsonDocument().toJson();
    }
}
