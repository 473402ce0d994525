package org.circc.timeline.query;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationPolicySavedEvent;
import org.circc.contracts.events.IncidentEvent;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.contracts.events.StakeholderKind;
import org.circc.contracts.events.StakeholderRegisteredEvent;
import org.circc.contracts.events.StakeholderRemovedEvent;
import org.circc.contracts.events.StakeholderSnapshot;
import org.circc.contracts.sharing.Viewer;
import org.circc.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.circc.timeline.TimelineFixtures.platformObjectMapper;
import static org.circc.timeline.TimelineFixtures.recorded;
import static org.circc.timeline.TimelineFixtures.reported;

/**
 * The projector and the queries on the embedded MongoDB-wire server (or the MongoDB CIRCC_MONGODB_URI names): event
 * sequences in, views, lists, campaigns, the board and the replay log out, with the sharing rule on every read.
 */
class ReadModelsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-07-24T10:20:00Z");
    private static final Viewer COORDINATOR = new Viewer("coordinator-1", "circc", true);
    private static final Viewer RESPONDER = new Viewer("responder-1", "circc", false);
    private static final Viewer RAIL = new Viewer("ops@rail-east", "rail-east", false);
    private static final Viewer VENUE = new Viewer("ops@venue-tokyo", "venue-tokyo", false);
    private static final Actor TRIAGE = Actor.system("triage");

    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;
    private ReadModelGenerations generations;
    private ReadModelProjector projector;
    private SimpleMeterRegistry meterRegistry;
    private IncidentQueries queries;

    @BeforeAll
    static void connect() {
        String uri = EmbeddedInfrastructure.shared().mongoUri("circc_timeline_read_models_it");
        client = MongoClients.create(uri);
        mongo = new ReactiveMongoTemplate(client, new ConnectionString(uri).getDatabase());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void freshReadModels() {
        mongo.getMongoDatabase().flatMap(database -> Mono.from(database.drop())).block(TIMEOUT);
        generations = new ReadModelGenerations(mongo, platformObjectMapper());
        generations.load().block(TIMEOUT);
        TimelineEntryFactory entries = new TimelineEntryFactory(platformObjectMapper());
        meterRegistry = new SimpleMeterRegistry();
        projector = new ReadModelProjector(entries, meterRegistry);
        queries = new IncidentQueries(generations, entries, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
    }

    @Test
    void aChainEventReachesEveryMembersLiveViewAndARedeliveryChangesNothing() {
        CampaignId campaign = CampaignId.newId();
        IncidentId first = IncidentId.newId();
        IncidentId second = IncidentId.newId();
        project("r1", reported(first, Tlp.AMBER, T0));
        project("t1", triaged(first, campaign, 1));
        project("r2", reported(second, Tlp.AMBER, T0.plusSeconds(10)));
        project("t2", triaged(second, campaign, 11));
        RecordedEvent raised = recorded("raised", raised(campaign, first, 20));
        projector.projectLive(generations.active(), raised);
        projector.projectLive(generations.active(), raised);

        for (IncidentId member : List.of(first, second)) {
            IncidentView view = queries.view(COORDINATOR, member).block(TIMEOUT);
            assertThat(view.status()).isEqualTo(IncidentStatus.ESCALATED);
            assertThat(view.escalation().level()).isEqualTo(1);
            assertThat(view.escalation().ackDeadline()).isEqualTo(T0.plusSeconds(320));
        }
        assertThat(queries.timeline(COORDINATOR, first, null).block(TIMEOUT))
                .extracting(TimelineEntry::type)
                .containsExactly("incident.reported", "incident.triaged", "escalation.level-raised");
        assertThat(queries.timeline(COORDINATOR, second, null).block(TIMEOUT))
                .as("a member's timeline shows the chain it follows, whoever triggered it")
                .extracting(TimelineEntry::eventId)
                .containsExactly("r2", "t2", "raised");
        assertThat(queries.timeline(COORDINATOR, second, T0.plusSeconds(15)).block(TIMEOUT))
                .extracting(TimelineEntry::eventId)
                .containsExactly("r2", "t2");
        assertThat(queries.view(COORDINATOR, first).block(TIMEOUT))
                .isEqualTo(projector.viewOf(generations.active(), first).orElseThrow());
    }

    @Test
    void aCampaignsMembersAreItsOwnWithTheInstantEachFirstJoinedHoweverLargeItGrows() {
        CampaignMembers members = generations.active().members();
        CampaignId storm = CampaignId.newId();
        CampaignId other = CampaignId.newId();
        List<IncidentId> joined = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            IncidentId incident = IncidentId.newId();
            joined.add(incident);
            members.add(storm.toString(), incident, T0.plusSeconds(i)).block(TIMEOUT);
        }
        IncidentId elsewhere = IncidentId.newId();
        members.add(other.toString(), elsewhere, T0).block(TIMEOUT);
        members.add(storm.toString(), joined.get(0), T0.plusSeconds(5_000)).block(TIMEOUT);
        members.add(storm.toString(), joined.get(1), T0.plusSeconds(1)).block(TIMEOUT);

        List<CampaignState.Member> stormMembers = members.of(storm.toString()).block(TIMEOUT);
        assertThat(stormMembers).extracting(CampaignState.Member::incidentId)
                .containsExactlyInAnyOrderElementsOf(joined);
        assertThat(stormMembers)
                .as("a redelivered or later join keeps the first instant")
                .filteredOn(member -> member.incidentId().equals(joined.get(0)) || member.incidentId().equals(joined.get(1)))
                .extracting(CampaignState.Member::at)
                .containsExactlyInAnyOrder(T0, T0.plusSeconds(1));
        assertThat(members.of(other.toString()).block(TIMEOUT)).extracting(CampaignState.Member::incidentId)
                .containsExactly(elsewhere);
        assertThat(members.of(CampaignId.newId().toString()).block(TIMEOUT)).isEmpty();
    }

    @Test
    void listsOmitWhatTheCallerMayNotSeeAndCountOnlyWhatTheyMay() {
        IncidentId venueAmber = reportedAndTriaged(Tlp.AMBER, "venue-tokyo", 1);
        IncidentId venueGreen = reportedAndTriaged(Tlp.GREEN, "venue-tokyo", 2);
        IncidentId railRed = reportedAndTriaged(Tlp.RED, "rail-east", 3);
        IncidentId railStrict = reportedAndTriaged(Tlp.AMBER_STRICT, "rail-east", 4);

        Page<IncidentView> all = queries.list(COORDINATOR, IncidentViews.Filter.NONE, 0, 3).block(TIMEOUT);
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.items()).extracting(IncidentView::incidentId).containsExactly(railStrict, railRed, venueGreen);

        Page<IncidentView> rail = queries.list(RAIL, IncidentViews.Filter.NONE, 0, 50).block(TIMEOUT);
        assertThat(rail.items()).extracting(IncidentView::incidentId).containsExactly(railStrict, railRed, venueGreen);
        assertThat(rail.total()).isEqualTo(3);
        Page<IncidentView> secondPage = queries.list(VENUE, IncidentViews.Filter.NONE, 1, 1).block(TIMEOUT);
        assertThat(secondPage.items()).extracting(IncidentView::incidentId).containsExactly(venueAmber);
        assertThat(secondPage.total()).isEqualTo(2);
        assertThat(queries.list(RESPONDER, IncidentViews.Filter.NONE, 0, 50).block(TIMEOUT).items())
                .extracting(IncidentView::incidentId).containsExactly(railStrict, venueGreen, venueAmber);

        IncidentViews.Filter severeTicketing = new IncidentViews.Filter(List.of("TRIAGED"), 3,
                List.of("games-ticketing"), List.of());
        assertThat(queries.list(COORDINATOR, severeTicketing, 0, 50).block(TIMEOUT).total()).isEqualTo(4);
        assertThat(queries.list(COORDINATOR, new IncidentViews.Filter(List.of("CLOSED"), null, List.of(), List.of()),
                0, 50).block(TIMEOUT).total()).isZero();

        assertThat(queries.view(RAIL, venueAmber).blockOptional(TIMEOUT)).isEmpty();
        assertThat(queries.timeline(RAIL, venueAmber, null).blockOptional(TIMEOUT)).isEmpty();
        assertThat(queries.state(RAIL, venueAmber, T0.plusSeconds(5)).blockOptional(TIMEOUT)).isEmpty();
    }

    @Test
    void theDirectoryGivesNeedToKnowAndAnOlderEventDeliveredLateDoesNotUndoANewerOne() {
        IncidentId incident = IncidentId.newId();
        CampaignId campaign = CampaignId.newId();
        project("r", reported(incident, Tlp.AMBER, T0));
        project("t", triaged(incident, campaign, 1));
        StakeholderSnapshot railSoc = new StakeholderSnapshot("rail-east-soc", "Rail East SOC",
                StakeholderKind.organisation, "rail-east", null, Tlp.AMBER, List.of("email"), List.of("games-*"), 2, List.of());
        Actor admin = Actor.principal("admin", "circc");

        project("registered", new StakeholderRegisteredEvent(railSoc, admin, T0.plusSeconds(2)));
        assertThat(queries.view(RAIL, incident).blockOptional(TIMEOUT)).as("a subscriber to its sector").isPresent();

        project("removed", new StakeholderRemovedEvent("rail-east-soc", admin, T0.plusSeconds(4)));
        project("registered-late", new StakeholderRegisteredEvent(railSoc, admin, T0.plusSeconds(3)));
        assertThat(queries.view(RAIL, incident).blockOptional(TIMEOUT)).isEmpty();
    }

    @Test
    void aCampaignShowsTheCallerOnlyTheMembersTheyMaySeeButCountsThemAll() {
        CampaignId campaign = CampaignId.newId();
        IncidentId amber = IncidentId.newId();
        IncidentId red = IncidentId.newId();
        project("ra", reported(amber, Tlp.AMBER, T0));
        project("ta", triaged(amber, campaign, 1));
        project("rr", reported(red, Tlp.RED, T0.plusSeconds(5)));
        project("tr", triaged(red, campaign, 6));
        project("raised", raised(campaign, amber, 7));

        CampaignView forResponder = queries.campaign(RESPONDER, campaign).block(TIMEOUT);
        assertThat(forResponder.incidentIds()).containsExactly(amber);
        assertThat(forResponder.reportCount()).isEqualTo(2);
        assertThat(forResponder.escalation().state()).isEqualTo(CampaignState.ChainState.ACTIVE);
        assertThat(forResponder.firstSeen()).isEqualTo(T0.plusSeconds(1));
        assertThat(forResponder.lastSeen()).isEqualTo(T0.plusSeconds(6));
        assertThat(queries.campaign(COORDINATOR, campaign).block(TIMEOUT).incidentIds()).containsExactly(amber, red);
        assertThat(queries.campaign(RAIL, campaign).blockOptional(TIMEOUT)).isEmpty();
        assertThat(queries.campaign(COORDINATOR, CampaignId.newId()).blockOptional(TIMEOUT)).isEmpty();
    }

    @Test
    void theBoardAsOfAnInstantIsFoldedFromTheBuckets() {
        CampaignId campaign = CampaignId.newId();
        IncidentId resolved = IncidentId.newId();
        IncidentId open = IncidentId.newId();
        project("r1", reported(resolved, Tlp.AMBER, T0));
        project("t1", triaged(resolved, campaign, 1));
        project("x1", new IncidentStatusChangedEvent(resolved, IncidentStatus.TRIAGED, IncidentStatus.RESOLVED, "fixed",
                Actor.principal("responder-1", "circc"), T0.plusSeconds(100)));
        project("r2", reported(open, Tlp.AMBER, T0.plusSeconds(50)));

        Board before = Board.of(T0.plusSeconds(60), queries.allViews(T0.plusSeconds(60)).collectList().block(TIMEOUT));
        assertThat(before.open().byStatus()).containsEntry("TRIAGED", 1L).containsEntry("REPORTED", 1L);
        assertThat(before.open().bySeverity()).containsEntry("High", 1L).containsEntry(Board.UNSCORED, 1L);
        assertThat(before.top()).extracting(IncidentView::incidentId).containsExactly(resolved, open);

        Board now = Board.of(T0.plusSeconds(3600), queries.allViews(null).collectList().block(TIMEOUT));
        assertThat(now.open().byStatus()).containsOnly(entry("REPORTED", 1L));
        assertThat(now.open().bySector()).containsOnly(entry("games-ticketing", 1L));
    }

    @Test
    void theReplayLogKeepsEveryEntryOnceInIngestOrder() {
        IncidentId incident = IncidentId.newId();
        CampaignId campaign = CampaignId.newId();
        project("r", reported(incident, Tlp.AMBER, T0));
        project("d", new NotificationDeliveredEvent(UUID.randomUUID(), "csirt-oncall", "email", incident, campaign, 1, 1,
                true, T0.plusSeconds(30)));
        project("t", triaged(incident, campaign, 1));
        project("t", triaged(incident, campaign, 1));
        project("p", new EscalationPolicySavedEvent("default", 2, Set.of("csirt-oncall"),
                Actor.principal("coordinator-1", "circc"), T0));

        List<ReplayLog.Logged> logged = queries.replay(T0, T0.plusSeconds(60)).collectList().block(TIMEOUT);
        assertThat(logged).extracting(l -> l.entry().type())
                .containsExactly("incident.reported", "notification.delivered", "incident.triaged");
        assertThat(logged).extracting(ReplayLog.Logged::position).isSorted().doesNotHaveDuplicates();
        assertThat(queries.replay(T0.plusSeconds(2), T0.plusSeconds(60)).collectList().block(TIMEOUT))
                .extracting(l -> l.entry().type()).containsExactly("notification.delivered");
    }

    @Test
    void theStateAsOfAnInstantFollowsTheChainAsItWasThen() {
        CampaignId campaign = CampaignId.newId();
        IncidentId incident = IncidentId.newId();
        project("r", reported(incident, Tlp.AMBER, T0));
        project("t", triaged(incident, campaign, 1));
        project("raised", raised(campaign, incident, 20));
        project("ack", new EscalationAcknowledgedEvent(UUID.randomUUID(), campaign, incident, 1, null,
                Actor.principal("responder-1", "circc"), T0.plusSeconds(90)));

        assertThat(queries.state(COORDINATOR, incident, T0.plusSeconds(30)).block(TIMEOUT).status())
                .isEqualTo(IncidentStatus.ESCALATED);
        assertThat(queries.state(COORDINATOR, incident, T0.plusSeconds(90)).block(TIMEOUT).status())
                .isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(queries.state(COORDINATOR, incident, T0.minusSeconds(1)).blockOptional(TIMEOUT)).isEmpty();
        assertThat(queries.state(COORDINATOR, incident, null).block(TIMEOUT))
                .isEqualTo(queries.view(COORDINATOR, incident).block(TIMEOUT));
    }

    @Test
    void theLiveProjectionRecordsEachStageOnceWhenTheIncidentFirstReachesIt() {
        CampaignId campaign = CampaignId.newId();
        IncidentId incident = IncidentId.newId();
        project("r", reported(incident, Tlp.AMBER, T0));
        project("t", triaged(incident, campaign, 1));
        project("raised", raised(campaign, incident, 20));
        project("ack", new EscalationAcknowledgedEvent(UUID.randomUUID(), campaign, incident, 1, null,
                Actor.principal("responder-1", "circc"), T0.plusSeconds(90)));
        project("ack", new EscalationAcknowledgedEvent(UUID.randomUUID(), campaign, incident, 1, null,
                Actor.principal("responder-1", "circc"), T0.plusSeconds(90)));

        Timer acknowledge = meterRegistry.get("circc.incident.response").tag("stage", "acknowledge").tag("severity", "High").timer();
        assertThat(acknowledge.count()).isEqualTo(1);
        assertThat(acknowledge.totalTime(TimeUnit.SECONDS)).isEqualTo(90);
        assertThat(meterRegistry.get("circc.incident.response").tag("stage", "triage").timer().count()).isEqualTo(1);
        assertThat(meterRegistry.find("circc.incident.response").tag("stage", "resolve").timer()).isNull();

        projector.project(generations.active(), recorded("contained", new IncidentStatusChangedEvent(incident,
                IncidentStatus.ACKNOWLEDGED, IncidentStatus.CONTAINED, "scrubbed", Actor.principal("responder-1", "circc"),
                T0.plusSeconds(200))));
        assertThat(meterRegistry.find("circc.incident.response").tag("stage", "contain").timer())
                .as("a rebuild records nothing").isNull();
    }

    @Test
    void recordingEveryEventThenFoldingEachViewOnceGivesTheLiveViews() {
        CampaignId campaign = CampaignId.newId();
        IncidentId first = IncidentId.newId();
        IncidentId second = IncidentId.newId();
        List<RecordedEvent> history = List.of(
                recorded("r1", reported(first, Tlp.AMBER, T0)),
                recorded("t1", triaged(first, campaign, 1)),
                recorded("raised", raised(campaign, first, 2)),
                recorded("r2", reported(second, Tlp.RED, T0.plusSeconds(3))),
                recorded("t2", triaged(second, campaign, 4)),
                recorded("ack", new EscalationAcknowledgedEvent(UUID.randomUUID(), campaign, second, 1, null,
                        Actor.principal("responder-1", "circc"), T0.plusSeconds(5))));
        history.forEach(recorded -> projector.projectLive(generations.active(), recorded));
        ReadModels rebuilt = ReadModels.of(mongo, platformObjectMapper(), generations.active().generation() + 1);

        List<RecordedEvent> reversed = new ArrayList<>(history);
        Collections.reverse(reversed);
        reversed.forEach(recorded -> projector.record(rebuilt, recorded));
        assertThat(rebuilt.views().find(first).blockOptional(TIMEOUT)).as("no view before the fold").isEmpty();
        projector.recomputeAll(rebuilt);

        for (IncidentId incident : List.of(first, second)) {
            assertThat(rebuilt.views().find(incident).block(TIMEOUT))
                    .isEqualTo(generations.active().views().find(incident).block(TIMEOUT));
        }
        assertThat(rebuilt.views().find(first).block(TIMEOUT).status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
    }

    @Test
    void eventsOfANewIncidentRecordedAtOnceAreAllKept() {
        // several consumer threads (and a rebuild's concurrent recording) can race to create an incident's bucket
        IncidentId incident = IncidentId.newId();
        CampaignId campaign = CampaignId.newId();
        List<RecordedEvent> events = IntStream.range(0, 8)
                .mapToObj(i -> recorded("delivered-" + i, new NotificationDeliveredEvent(UUID.randomUUID(), "csirt-oncall",
                        "email", incident, campaign, 1, i + 1, false, T0.plusSeconds(i))))
                .toList();

        List<Boolean> added = Flux.fromIterable(events)
                .flatMap(event -> generations.active().incidents().append(incident.toString(), event)
                        .subscribeOn(Schedulers.parallel()), events.size())
                .collectList()
                .block(TIMEOUT);

        assertThat(added).hasSize(events.size()).containsOnly(true);
        assertThat(generations.active().incidents().find(incident.toString()).block(TIMEOUT))
                .extracting(RecordedEvent::eventId)
                .containsExactlyInAnyOrderElementsOf(events.stream().map(RecordedEvent::eventId).toList());
    }

    @Test
    void aRedeliveredEventIsKeptOnce() {
        IncidentId incident = IncidentId.newId();
        RecordedEvent delivered = recorded("delivered-once", new NotificationDeliveredEvent(UUID.randomUUID(), "csirt-oncall",
                "email", incident, CampaignId.newId(), 1, 1, false, T0));
        EventBuckets incidents = generations.active().incidents();

        assertThat(incidents.append(incident.toString(), delivered).block(TIMEOUT)).isTrue();
        assertThat(incidents.append(incident.toString(), delivered).block(TIMEOUT)).isFalse();

        assertThat(incidents.find(incident.toString()).block(TIMEOUT)).extracting(RecordedEvent::eventId)
                .containsExactly("delivered-once");
    }

    @Test
    void theDirectoryKeepsTheNewestWhateverOrderConcurrentWritesArriveIn() {
        Actor admin = Actor.principal("admin", "circc");
        List<StakeholderRegisteredEvent> versions = IntStream.range(0, 8)
                .mapToObj(i -> new StakeholderRegisteredEvent(new StakeholderSnapshot("soc", "SOC v" + i,
                        StakeholderKind.team, "circc", null, Tlp.AMBER, List.of("email"), List.of(), null, List.of()),
                        admin, T0.plusSeconds(i)))
                .toList();

        Flux.fromIterable(versions)
                .flatMap(version -> generations.active().stakeholders().save(version.stakeholder(), version.occurredAt())
                        .subscribeOn(Schedulers.parallel()), versions.size())
                .blockLast(TIMEOUT);

        assertThat(generations.active().stakeholders().all().block(TIMEOUT).get("soc").name()).isEqualTo("SOC v7");
    }

    private IncidentId reportedAndTriaged(Tlp tlp, String organisation, long second) {
        IncidentId incidentId = IncidentId.newId();
        IncidentReportedEvent report = reported(incidentId, tlp, T0.plusSeconds(second));
        project("r-" + incidentId, new IncidentReportedEvent(incidentId, report.title(), report.description(),
                report.category(), report.sector(), tlp, report.impact(), report.affectedAssets(), report.observables(),
                organisation, report.detectedAt(), Actor.principal("ops@" + organisation, organisation), report.occurredAt()));
        project("t-" + incidentId, triaged(incidentId, CampaignId.newId(), second + 1));
        return incidentId;
    }

    private void project(String eventId, IntegrationEvent event) {
        projector.projectLive(generations.active(), recorded(eventId, event));
    }

    private static IncidentEvent triaged(IncidentId incidentId, CampaignId campaignId, long second) {
        return new IncidentTriagedEvent(incidentId, campaignId, Severity.HIGH, 71.6, List.of(), TRIAGE, T0.plusSeconds(second));
    }

    private static IncidentEvent raised(CampaignId campaignId, IncidentId trigger, long second) {
        return new EscalationLevelRaisedEvent(UUID.nameUUIDFromBytes(campaignId.toString().getBytes()), campaignId,
                trigger, 1, List.of("csirt-oncall", "responder-1"), T0.plusSeconds(second + 300), Severity.HIGH,
                Sector.fromSlug("games-ticketing"), Tlp.AMBER, "severity reached the policy's minimum",
                T0.plusSeconds(second));
    }
}
