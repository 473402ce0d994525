package org.circc.triage.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

class CampaignCorrelationTest {

    private static final Instant NOW = Instant.parse("2026-07-24T10:21:00.250Z");
    private static final Actor COORDINATOR = Actor.principal("coordinator-1", "circc");

    private final SeverityScorer scorer = new SeverityScorer(SeverityScorerTest.CONFIGURED);
    private AggregateTestFixture<CampaignCorrelation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CampaignCorrelation.class);
        fixture.registerInjectableResource(scorer);
        fixture.registerInjectableResource(new CorrelationWindow(Duration.ofHours(24)));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theFirstReportIsScoredAndOpensACampaignOfOne() {
        Reports report = Reports.apiExample();

        fixture.givenNoPriorActivity()
                .when(report.command())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(payload -> payload instanceof IncidentTriagedEvent triaged
                                && triaged.incidentId().equals(report.incidentId())
                                && triaged.assessment().score() == 48.0
                                && triaged.assessment().severity() == Severity.HIGH
                                && triaged.assessment().factors().size() == 7
                                && triaged.incidentScore() == 48.0
                                && triaged.addedKeys().equals(List.of("observable ipv4:203.0.113.7",
                                        "asset tickets.example.jp + availability:ddos"))
                                && triaged.triagedAt().equals(NOW)),
                        predicate(payload -> payload instanceof CampaignSeverityChangedEvent opened
                                && opened.previousSeverity() == null
                                && opened.severity() == Severity.HIGH
                                && opened.incidentId().equals(report.incidentId())
                                && opened.sectors().equals(Set.of(Sector.GAMES_TICKETING))
                                && opened.tlp() == Tlp.AMBER),
                        andNoMore())));

        assertThat(campaignOf(report.incidentId())).isEqualTo(payloads(CampaignSeverityChangedEvent.class).get(0).campaignId());
    }

    @Test
    void aRedeliveredReportHasNoFurtherEffect() {
        Reports report = Reports.apiExample();

        fixture.givenCommands(report.command())
                .when(report.command())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReportSharingAnObservableJoinsTheCampaignAndItsOrganisationCounts() {
        Reports first = Reports.apiExample();
        Reports second = first.from("rail-east").withAssets("gates.rail-east.example");

        fixture.givenCommands(first.command())
                .when(second.command())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(payload -> payload instanceof IncidentTriagedEvent triaged
                                && triaged.incidentId().equals(second.incidentId())
                                // two organisations: 12 × log(2)/log(10)
                                && triaged.assessment().score() == 51.61
                                && triaged.incidentScore() == 48.0),
                        predicate(payload -> payload instanceof IncidentCorrelatedEvent correlated
                                && correlated.incidentId().equals(second.incidentId())
                                && correlated.matchedOn().equals("observable ipv4:203.0.113.7")
                                && correlated.reportCount() == 2),
                        andNoMore())));

        assertThat(campaignOf(second.incidentId())).isEqualTo(campaignOf(first.incidentId()));
    }

    @Test
    void theSameAssetWithTheSameCategoryJoinsWithinTheWindowOnly() {
        Reports first = Reports.apiExample().withObservables();
        Reports near = first.from("venue-osaka").at(Reports.T0.plus(Duration.ofHours(23)));
        Reports far = first.from("venue-nagoya").at(Reports.T0.plus(Duration.ofHours(25)));
        Reports otherCategory = first.from("venue-kobe").with(Category.parse("intrusions"));

        fixture.givenCommands(first.command(), near.command(), far.command(), otherCategory.command());

        assertThat(campaignOf(near.incidentId())).isEqualTo(campaignOf(first.incidentId()));
        // 25 hours after the first, but 2 after the near one: linked through it
        assertThat(campaignOf(far.incidentId())).isEqualTo(campaignOf(first.incidentId()));
        assertThat(campaignOf(otherCategory.incidentId())).isNotEqualTo(campaignOf(first.incidentId()));
        assertThat(payloads(IncidentCorrelatedEvent.class)).extracting(IncidentCorrelatedEvent::matchedOn)
                .containsOnly("asset tickets.example.jp + availability:ddos");
    }

    @Test
    void reportsFurtherApartThanTheWindowStayApart() {
        Reports first = Reports.apiExample();
        Reports late = first.from("rail-east").at(Reports.T0.plus(Duration.ofHours(24)).plusMillis(1));

        fixture.givenCommands(first.command(), late.command());

        assertThat(campaignOf(late.incidentId())).isNotEqualTo(campaignOf(first.incidentId()));
        assertThat(payloads(CampaignSeverityChangedEvent.class)).hasSize(2).allMatch(signal -> signal.previousSeverity() == null);
    }

    @Test
    void aReportLinkingTwoCampaignsMergesTheYoungerIntoTheOlder() {
        Reports older = Reports.apiExample().withAssets().withObservables(Reports.ipv4("198.51.100.1"));
        Reports younger = older.from("rail-east").in(Sector.RAILWAYS).with(Tlp.RED)
                .withObservables(Reports.ipv4("198.51.100.2")).at(Reports.T0.plusSeconds(60));
        Reports linking = older.from("venue-osaka").withObservables(Reports.ipv4("198.51.100.2"), Reports.ipv4("198.51.100.1"))
                .at(Reports.T0.plusSeconds(120));

        fixture.givenCommands(older.command(), younger.command())
                .when(linking.command())
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(payload -> payload instanceof CampaignMergedEvent merged
                                && merged.incidentId().equals(linking.incidentId())
                                && merged.movedIncidentIds().equals(List.of(younger.incidentId()))),
                        predicate(payload -> payload instanceof IncidentTriagedEvent triaged
                                && triaged.incidentId().equals(linking.incidentId())),
                        predicate(payload -> payload instanceof IncidentCorrelatedEvent correlated
                                && correlated.matchedOn().equals("observable ipv4:198.51.100.2")
                                && correlated.reportCount() == 3),
                        // the best member (railways: 25 + 18 × 0.85 + 10.4 = 50.7) plus three organisations (5.73)
                        // in two sectors (2.67) is 59.1: still High, so no signal
                        andNoMore())));

        CampaignMergedEvent merged = payloads(CampaignMergedEvent.class).get(0);
        assertThat(merged.campaignId()).isEqualTo(campaignOf(older.incidentId()));
        assertThat(merged.mergedCampaignId()).isNotEqualTo(merged.campaignId());
        assertThat(campaignOf(younger.incidentId())).isEqualTo(campaignOf(older.incidentId()));
        assertThat(campaignOf(linking.incidentId())).isEqualTo(campaignOf(older.incidentId()));
    }

    @Test
    void moreOrganisationsRaiseTheCampaignsSeverityOncePerChange() {
        Reports first = Reports.apiExample();
        List<Object> reports = new java.util.ArrayList<>();
        List<Sector> sectors = List.of(Sector.GAMES_TICKETING, Sector.GAMES_TRANSPORT, Sector.GAMES_BROADCASTING,
                Sector.LOGISTICS);
        for (int i = 0; i < 12; i++) {
            reports.add(first.from("org-" + i).in(sectors.get(i % sectors.size())).command());
        }

        fixture.givenCommands(reports);

        List<CampaignSeverityChangedEvent> signals = payloads(CampaignSeverityChangedEvent.class);
        assertThat(signals).extracting(CampaignSeverityChangedEvent::previousSeverity)
                .containsExactly(null, Severity.HIGH);
        assertThat(signals).extracting(CampaignSeverityChangedEvent::severity)
                .containsExactly(Severity.HIGH, Severity.SEVERE);
        // the fifth report: 48.9 (games-transport) + 8.39 (five organisations) + 8 (four sectors) reaches 65
        assertThat(signals.get(1).incidentId()).isEqualTo(((TriageIncidentCommand) reports.get(4)).incidentId());
        assertThat(signals.get(1).sectors()).containsExactlyInAnyOrderElementsOf(sectors);
        assertThat(payloads(IncidentTriagedEvent.class)).hasSize(12);
        assertThat(payloads(IncidentCorrelatedEvent.class)).hasSize(11);
    }

    @Test
    void aCoordinatorsOverrideSetsTheSeverityAndTheCampaignFollows() {
        Reports report = Reports.apiExample();

        fixture.givenCommands(report.command())
                .when(new OverrideSeverityCommand(report.incidentId(), Severity.EMERGENCY, "hospital systems affected",
                        COORDINATOR))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(payload -> payload instanceof IncidentSeverityOverriddenEvent overridden
                                && overridden.previousSeverity() == Severity.HIGH
                                && overridden.severity() == Severity.EMERGENCY
                                && overridden.reason().equals("hospital systems affected")
                                && overridden.actor().equals(COORDINATOR)),
                        predicate(payload -> payload instanceof CampaignSeverityChangedEvent changed
                                && changed.previousSeverity() == Severity.HIGH
                                && changed.severity() == Severity.EMERGENCY
                                && changed.incidentId().equals(report.incidentId())),
                        andNoMore())));
    }

    @Test
    void theSameOverrideAgainIsANoOp() {
        Reports report = Reports.apiExample();
        OverrideSeverityCommand override = new OverrideSeverityCommand(report.incidentId(), Severity.LOW, "test drill",
                COORDINATOR);

        fixture.givenCommands(report.command(), override)
                .when(override)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOverrideOfAnUnknownIncidentIsRefused() {
        fixture.givenCommands(Reports.apiExample().command())
                .when(new OverrideSeverityCommand(IncidentId.newId(), Severity.LOW, "drill", COORDINATOR))
                .expectException(UnknownIncidentException.class)
                .expectNoEvents();
    }

    @Test
    void laterScoringNeverUndoesAnOverride() {
        Reports report = Reports.apiExample();
        Impact worst = new Impact(Impact.Functional.HIGH, Impact.Information.INTEGRITY, Impact.Recoverability.NOT_RECOVERABLE);

        fixture.givenCommands(report.command(),
                        new OverrideSeverityCommand(report.incidentId(), Severity.LOW, "a drill", COORDINATOR))
                .when(new RetriageIncidentCommand(report.incidentId(), List.of(), worst))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(payload -> payload instanceof IncidentTriagedEvent triaged
                                // scoring says 72 (Severe); the coordinator said Low
                                && triaged.assessment().score() == 72.0
                                && triaged.assessment().severity() == Severity.LOW
                                && triaged.impact().equals(worst)),
                        andNoMore())));
    }

    @Test
    void aWorseImpactReScoresTheIncident() {
        Reports report = Reports.apiExample();
        Impact worse = new Impact(Impact.Functional.HIGH, Impact.Information.INTEGRITY, Impact.Recoverability.REGULAR);

        fixture.givenCommands(report.command())
                .when(new RetriageIncidentCommand(report.incidentId(), List.of(), worse))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        // information integrity adds 12: 60, still High
                        predicate(payload -> payload instanceof IncidentTriagedEvent triaged
                                && triaged.assessment().score() == 60.0
                                && triaged.addedKeys().isEmpty()),
                        andNoMore())));
    }

    @Test
    void aWorseImpactCanRaiseTheCampaign() {
        Reports report = Reports.apiExample();

        fixture.givenCommands(report.command())
                .when(new RetriageIncidentCommand(report.incidentId(), List.of(), new Impact(Impact.Functional.HIGH,
                        Impact.Information.INTEGRITY, Impact.Recoverability.EXTENDED)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(payload -> payload instanceof IncidentTriagedEvent triaged
                                && triaged.assessment().severity() == Severity.SEVERE),
                        predicate(payload -> payload instanceof CampaignSeverityChangedEvent raised
                                && raised.previousSeverity() == Severity.HIGH
                                && raised.severity() == Severity.SEVERE),
                        andNoMore())));
    }

    @Test
    void anUpdateWithANewObservableCanLinkItsCampaignToAnother() {
        Reports older = Reports.apiExample().withAssets();
        Reports updated = older.from("rail-east").withObservables(Reports.ipv4("198.51.100.9")).at(Reports.T0.plusSeconds(30));

        fixture.givenCommands(older.command(), updated.command())
                .when(new RetriageIncidentCommand(updated.incidentId(), List.of(Reports.ipv4("203.0.113.7")), null))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(payload -> payload instanceof CampaignMergedEvent merged
                                && merged.incidentId().equals(updated.incidentId())
                                && merged.movedIncidentIds().equals(List.of(updated.incidentId()))),
                        predicate(payload -> payload instanceof IncidentTriagedEvent triaged
                                && triaged.addedKeys().equals(List.of("observable ipv4:203.0.113.7"))),
                        predicate(payload -> payload instanceof IncidentCorrelatedEvent correlated
                                && correlated.matchedOn().equals("observable ipv4:203.0.113.7")
                                && correlated.reportCount() == 2),
                        andNoMore())));

        assertThat(campaignOf(updated.incidentId())).isEqualTo(campaignOf(older.incidentId()));
    }

    @Test
    void anUpdateThatChangesNothingIsNotATriage() {
        Reports report = Reports.apiExample();

        fixture.givenCommands(report.command())
                .when(new RetriageIncidentCommand(report.incidentId(), report.observables(), report.impact()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUpdateOfAnIncidentTriageNeverSawIsIgnored() {
        fixture.givenCommands(Reports.apiExample().command())
                .when(new RetriageIncidentCommand(IncidentId.newId(), List.of(Reports.ipv4("192.0.2.1")), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private CampaignId campaignOf(IncidentId incidentId) {
        CampaignId campaign = null;
        for (Object payload : allPayloads()) {
            if (payload instanceof IncidentTriagedEvent triaged && triaged.incidentId().equals(incidentId)) {
                campaign = triaged.campaignId();
            } else if (payload instanceof CampaignMergedEvent merged && merged.mergedCampaignId().equals(campaign)) {
                campaign = merged.campaignId();
            }
        }
        return campaign;
    }

    private <T> List<T> payloads(Class<T> type) {
        return allPayloads().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<Object> allPayloads() {
        return fixture.getEventStore().readEvents(CampaignCorrelation.ID).asStream()
                .map(DomainEventMessage::getPayload)
                .map(Object.class::cast)
                .toList();
    }
}
