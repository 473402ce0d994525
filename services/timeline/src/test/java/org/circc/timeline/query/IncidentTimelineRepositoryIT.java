package org.circc.timeline.query;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.embedded.EmbeddedInfrastructure;
import org.circc.platform.web.Caller;
import org.circc.platform.web.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline documents on the embedded MongoDB-wire server (or the MongoDB that CIRCC_MONGODB_URI names). */
class IncidentTimelineRepositoryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Caller COORDINATOR = new Caller("coordinator-1", "circc", Set.of(Role.COORDINATOR));
    private static final Actor REPORTER = Actor.principal("ops@venue-tokyo", "venue-tokyo");

    private static MongoClient client;
    private static IncidentTimelineRepository repository;

    @BeforeAll
    static void connect() {
        String uri = EmbeddedInfrastructure.shared().mongoUri("circc_timeline_repository_it");
        client = MongoClients.create(uri);
        repository = new IncidentTimelineRepository(
                new ReactiveMongoTemplate(client, new ConnectionString(uri).getDatabase()));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void theReportCreatesTheTimelineWithItsReporterAndLabel() {
        IncidentId incident = IncidentId.newId();
        TimelineEntry report = entry("report-1", "2026-07-24T10:20:00.123456Z", "incident.reported", REPORTER,
                Map.of("title", "DDoS on the ticketing portal", "tlp", "TLP:AMBER",
                        "observables", List.of(Map.of("type", "ipv4", "value", "203.0.113.7")),
                        "severity", Map.of("level", 3, "name", "High")));

        StepVerifier.create(repository.append(incident, report,
                        new IncidentTimelineRepository.ReportedFacts("venue-tokyo", Tlp.AMBER)))
                .expectNext(true)
                .expectComplete()
                .verify(TIMEOUT);

        IncidentTimeline timeline = repository.find(incident).block(TIMEOUT);
        assertThat(timeline).isNotNull();
        assertThat(timeline.incidentId()).isEqualTo(incident);
        assertThat(timeline.reporterOrg()).isEqualTo("venue-tokyo");
        assertThat(timeline.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(timeline.reported()).isTrue();
        assertThat(timeline.entries()).hasSize(1);
        TimelineEntry stored = timeline.entries().get(0);
        assertThat(stored.eventId()).isEqualTo("report-1");
        assertThat(stored.at()).as("MongoDB dates keep milliseconds").isEqualTo(Instant.parse("2026-07-24T10:20:00.123Z"));
        assertThat(stored.type()).isEqualTo("incident.reported");
        assertThat(stored.actor()).isEqualTo(REPORTER);
        assertThat(stored.summary()).isEqualTo("summary of report-1");
        // read back as (nested) BSON Documents, whose equals accepts only Documents: compare from the Map side
        assertThat(report.data()).isEqualTo(stored.data());
    }

    @Test
    void theSameEventAppendedTwiceIsStoredOnce() {
        IncidentId incident = IncidentId.newId();
        TimelineEntry report = entry("report-2", "2026-07-24T10:20:00Z", "incident.reported", REPORTER, Map.of());
        TimelineEntry raised = entry("raised-2", "2026-07-24T10:21:00Z", "escalation.level-raised",
                Actor.system("escalation"), Map.of("level", 1));
        IncidentTimelineRepository.ReportedFacts facts = new IncidentTimelineRepository.ReportedFacts("venue-tokyo", Tlp.GREEN);

        assertThat(repository.append(incident, report, facts).block(TIMEOUT)).isTrue();
        assertThat(repository.append(incident, raised, null).block(TIMEOUT)).isTrue();
        StepVerifier.create(repository.append(incident, raised, null)).expectNext(false).expectComplete().verify(TIMEOUT);
        StepVerifier.create(repository.append(incident, report, facts)).expectNext(false).expectComplete().verify(TIMEOUT);

        IncidentTimeline timeline = repository.find(incident).block(TIMEOUT);
        assertThat(timeline.entries()).extracting(TimelineEntry::eventId).containsExactly("report-2", "raised-2");
        assertThat(timeline.tlp()).isEqualTo(Tlp.GREEN);
    }

    @Test
    void entriesThatArriveBeforeTheReportStayInvisibleUntilItArrivesAndAreThenAllKept() {
        IncidentId incident = IncidentId.newId();
        TimelineEntry triaged = entry("triaged-3", "2026-07-24T10:20:05Z", "incident.triaged", Actor.system("triage"), Map.of());
        TimelineEntry started = entry("started-3", "2026-07-24T10:20:06Z", "escalation.started", Actor.system("escalation"), Map.of());
        TimelineEntry report = entry("report-3", "2026-07-24T10:20:00Z", "incident.reported", REPORTER, Map.of());

        assertThat(repository.append(incident, triaged, null).block(TIMEOUT)).isTrue();
        assertThat(repository.append(incident, started, null).block(TIMEOUT)).isTrue();

        IncidentTimeline early = repository.find(incident).block(TIMEOUT);
        assertThat(early.reported()).isFalse();
        assertThat(early.reporterOrg()).isNull();
        assertThat(early.tlp()).isNull();
        assertThat(early.entries()).hasSize(2);
        assertThat(TimelineVisibility.maySee(COORDINATOR, early)).isFalse();

        assertThat(repository.append(incident, report,
                new IncidentTimelineRepository.ReportedFacts("venue-tokyo", Tlp.RED)).block(TIMEOUT)).isTrue();

        IncidentTimeline complete = repository.find(incident).block(TIMEOUT);
        assertThat(complete.reported()).isTrue();
        assertThat(complete.reporterOrg()).isEqualTo("venue-tokyo");
        assertThat(complete.tlp()).isEqualTo(Tlp.RED);
        assertThat(complete.entries()).extracting(TimelineEntry::eventId)
                .containsExactly("triaged-3", "started-3", "report-3");
        assertThat(TimelineVisibility.maySee(COORDINATOR, complete)).isTrue();
    }

    @Test
    void differentEventsOfANewIncidentArrivingTogetherAreAllKept() {
        // the timeline consumes four topics on four consumer threads: the first entries of an incident can race
        IncidentId incident = IncidentId.newId();
        List<TimelineEntry> entries = IntStream.range(0, 8)
                .mapToObj(i -> entry("concurrent-" + i, "2026-07-24T10:2" + i + ":00Z", "notification.delivered",
                        Actor.system("notification"), Map.of("attempt", i)))
                .toList();

        List<Boolean> added = Flux.fromIterable(entries)
                .flatMap(entry -> repository.append(incident, entry, null), entries.size())
                .collectList()
                .block(TIMEOUT);

        assertThat(added).hasSize(entries.size()).containsOnly(true);
        assertThat(repository.find(incident).block(TIMEOUT).entries()).extracting(TimelineEntry::eventId)
                .containsExactlyInAnyOrderElementsOf(entries.stream().map(TimelineEntry::eventId).toList());
    }

    @Test
    void anUnknownIncidentHasNoTimeline() {
        StepVerifier.create(repository.find(IncidentId.newId())).expectComplete().verify(TIMEOUT);
    }

    private static TimelineEntry entry(String eventId, String at, String type, Actor actor, Map<String, Object> data) {
        return new TimelineEntry(eventId, Instant.parse(at), type, actor, "summary of " + eventId, data);
    }
}
