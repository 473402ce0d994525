package org.circc.timeline.query;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationEndedEvent;
import org.circc.contracts.events.EscalationExhaustedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationRemindedEvent;
import org.circc.contracts.events.EscalationStartedEvent;
import org.circc.contracts.events.IncidentCorrelatedEvent;
import org.circc.contracts.events.IncidentSeverityOverriddenEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IncidentUpdatedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.contracts.sharing.Viewer;
import org.circc.embedded.EmbeddedInfrastructure;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circc.timeline.TimelineFixtures.platformObjectMapper;
import static org.circc.timeline.TimelineFixtures.recorded;
import static org.circc.timeline.TimelineFixtures.reported;

/**
 * {@code state?asOf=t} equals the live view of read models that received only the events up to t, whatever the
 * events, their times and the order the topics delivered them in: the fold both use is one function.
 */
class StateAsOfPropertyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-07-24T10:00:00Z");
    private static final IncidentId INCIDENT = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final CampaignId CAMPAIGN = CampaignId.of("7b0c6a7e-5d1f-4c39-9a57-0f4f3c2b8e11");
    private static final UUID ESCALATION = UUID.fromString("0e7f1c2a-3b4d-4e5f-8a6b-7c8d9e0f1a2b");
    private static final Sector SECTOR = Sector.fromSlug("games-ticketing");
    private static final Actor PERSON = Actor.principal("coordinator-1", "circc");
    private static final Viewer COORDINATOR = new Viewer("coordinator-1", "circc", true);

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;

    enum Kind {
        TRIAGED, CORRELATED, OVERRIDDEN, UPDATED, CONTAINED, RESOLVED, CLOSED, WITHDRAWN, ESCALATION_STARTED,
        LEVEL_RAISED, ACKNOWLEDGED, EXHAUSTED, REMINDED, ENDED, DELIVERED, CAMPAIGN_SEVERITY
    }

    record Step(Kind kind, int second, int parameter) {
    }

    @BeforeContainer
    static void connect() {
        String uri = EmbeddedInfrastructure.shared().mongoUri("circc_timeline_state_as_of_it");
        client = MongoClients.create(uri);
        mongo = new ReactiveMongoTemplate(client, new ConnectionString(uri).getDatabase());
    }

    @AfterContainer
    static void disconnect() {
        client.close();
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(1, 5)).as(Step::new);
        return step.list().ofMaxSize(14);
    }

    @Property(tries = 40)
    void stateAsOfEqualsTheLiveViewAfterOnlyTheEventsUpToThen(@ForAll("histories") List<Step> history,
                                                              @ForAll @IntRange(max = 100) int reportedAt,
                                                              @ForAll @IntRange(max = 110) int asOf,
                                                              @ForAll Random delivery) {
        mongo.getMongoDatabase().flatMap(database -> Mono.from(database.drop())).block(TIMEOUT);
        List<RecordedEvent> events = events(history, reportedAt);
        Instant t = T0.plusSeconds(asOf);
        TimelineEntryFactory entries = new TimelineEntryFactory(platformObjectMapper());
        ReadModelProjector projector = new ReadModelProjector(entries, null);

        ReadModels live = ReadModels.of(mongo, platformObjectMapper(), 99);
        shuffled(events.stream().filter(recorded -> !recorded.at().isAfter(t)).toList(), delivery)
                .forEach(recorded -> projector.project(live, recorded));
        Optional<IncidentView> liveView = live.views().find(INCIDENT).blockOptional(TIMEOUT);

        ReadModelGenerations generations = new ReadModelGenerations(mongo, platformObjectMapper());
        generations.load().block(TIMEOUT);
        shuffled(events, delivery).forEach(recorded -> projector.project(generations.active(), recorded));
        Optional<IncidentView> stateAsOf = new IncidentQueries(generations, entries, Clock.systemUTC())
                .state(COORDINATOR, INCIDENT, t).blockOptional(TIMEOUT);

        assertThat(stateAsOf).isEqualTo(liveView);
    }

    private static List<RecordedEvent> events(List<Step> history, int reportedAt) {
        List<RecordedEvent> events = new ArrayList<>();
        events.add(recorded("report", reported(INCIDENT, Tlp.AMBER, T0.plusSeconds(reportedAt))));
        for (int i = 0; i < history.size(); i++) {
            events.add(recorded("event-" + i, event(history.get(i))));
        }
        return events;
    }

    private static IntegrationEvent event(Step step) {
        Instant at = T0.plusSeconds(step.second());
        Severity severity = Severity.ofLevel(step.parameter());
        int level = Math.min(step.parameter(), 3);
        return switch (step.kind()) {
            case TRIAGED -> new IncidentTriagedEvent(INCIDENT, CAMPAIGN, severity, step.parameter() * 20.0, List.of(),
                    Actor.system("triage"), at);
            case CORRELATED -> new IncidentCorrelatedEvent(INCIDENT, CAMPAIGN, "observable ipv4:203.0.113.7",
                    step.parameter(), at);
            case OVERRIDDEN -> new IncidentSeverityOverriddenEvent(INCIDENT, CAMPAIGN, Severity.LOW, severity, "review",
                    PERSON, at);
            case UPDATED -> new IncidentUpdatedEvent(INCIDENT, "note " + step.parameter(),
                    List.of(Observable.of(ObservableType.IPV4, "198.51.100." + step.parameter())),
                    step.parameter() % 2 == 0 ? null : new Impact(Impact.Functional.LOW, Impact.Information.PRIVACY,
                            Impact.Recoverability.EXTENDED), PERSON, at);
            case CONTAINED -> status(IncidentStatus.CONTAINED, at);
            case RESOLVED -> status(IncidentStatus.RESOLVED, at);
            case CLOSED -> status(IncidentStatus.CLOSED, at);
            case WITHDRAWN -> status(IncidentStatus.WITHDRAWN, at);
            case ESCALATION_STARTED -> new EscalationStartedEvent(ESCALATION, CAMPAIGN, INCIDENT, "default", 1, severity, at);
            case LEVEL_RAISED -> new EscalationLevelRaisedEvent(ESCALATION, CAMPAIGN, INCIDENT, level,
                    List.of("target-" + level), at.plusSeconds(300), severity, SECTOR, Tlp.AMBER, "deadline passed", at);
            case ACKNOWLEDGED -> new EscalationAcknowledgedEvent(ESCALATION, CAMPAIGN, INCIDENT, level, null, PERSON, at);
            case EXHAUSTED -> new EscalationExhaustedEvent(ESCALATION, CAMPAIGN, INCIDENT, level, at);
            case REMINDED -> new EscalationRemindedEvent(ESCALATION, CAMPAIGN, INCIDENT, level, List.of("target-" + level),
                    at.plusSeconds(900), severity, SECTOR, Tlp.AMBER, at);
            case ENDED -> new EscalationEndedEvent(ESCALATION, CAMPAIGN, INCIDENT, "every member resolved", at);
            case DELIVERED -> new NotificationDeliveredEvent(UUID.nameUUIDFromBytes(new byte[]{(byte) step.second()}),
                    "target-" + level, "email", INCIDENT, CAMPAIGN, level, 1, false, at);
            case CAMPAIGN_SEVERITY -> new CampaignSeverityChangedEvent(CAMPAIGN, INCIDENT, null, severity, Set.of(SECTOR),
                    Tlp.AMBER, at);
        };
    }

    private static IncidentStatusChangedEvent status(IncidentStatus to, Instant at) {
        return new IncidentStatusChangedEvent(INCIDENT, IncidentStatus.ACKNOWLEDGED, to, "summary", PERSON, at);
    }

    private static List<RecordedEvent> shuffled(List<RecordedEvent> events, Random delivery) {
        List<RecordedEvent> copy = new ArrayList<>(events);
        Collections.shuffle(copy, delivery);
        return copy;
    }
}
