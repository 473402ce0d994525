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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

class TriageCaseTest {

    private static final Instant NOW = Instant.parse("2026-07-24T10:20:01.250Z");

    private final SeverityScorer scorer = new SeverityScorer(SeverityScorerTest.CONFIGURED);
    private AggregateTestFixture<TriageCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TriageCase.class);
        fixture.registerInjectableResource(scorer);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theFirstTriageScoresTheIncidentAndOpensACampaignOfOne() {
        IncidentId incidentId = IncidentId.newId();
        TriageIncidentCommand command = apiExample(incidentId);
        SeverityAssessment expected = scorer.assess(command.impact(), command.sector(), command.category());

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(payload -> payload instanceof IncidentTriagedEvent triaged
                                && triaged.incidentId().equals(incidentId)
                                && triaged.campaignId() != null
                                && triaged.assessment().equals(expected)
                                && triaged.sector() == Sector.GAMES_TICKETING
                                && triaged.tlp() == Tlp.AMBER
                                && triaged.triagedAt().equals(NOW)),
                        andNoMore())));

        List<? extends DomainEventMessage<?>> stored = fixture.getEventStore().readEvents(incidentId.toString()).asStream().toList();
        assertThat(stored).singleElement().satisfies(message -> {
            assertThat(message.getAggregateIdentifier()).isEqualTo(incidentId.toString());
            assertThat(message.getPayload()).isInstanceOfSatisfying(IncidentTriagedEvent.class, event -> {
                assertThat(event.incidentId()).isEqualTo(incidentId);
                assertThat(event.campaignId().value().version()).isEqualTo(4);
                assertThat(event.assessment().severity()).isEqualTo(Severity.HIGH);
                assertThat(event.assessment().score()).isEqualTo(59.5);
                assertThat(event.assessment().factors()).hasSize(5);
                assertThat(event.sector()).isEqualTo(Sector.GAMES_TICKETING);
                assertThat(event.tlp()).isEqualTo(Tlp.AMBER);
                assertThat(event.triagedAt()).isEqualTo(NOW);
            });
        });
    }

    @Test
    void theInjectedScorerDecides() {
        IncidentId incidentId = IncidentId.newId();
        TriageIncidentCommand command = new TriageIncidentCommand(incidentId, Category.parse("test"), Sector.LOGISTICS,
                Tlp.RED, Impact.NONE);

        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate(payload -> payload instanceof IncidentTriagedEvent triaged
                                // 25 × 0.60 (logistics) + 15 × 0.0 (test): 15, which the weights make Low
                                && triaged.assessment().score() == 15.0
                                && triaged.assessment().severity() == Severity.LOW
                                && triaged.tlp() == Tlp.RED
                                && triaged.sector() == Sector.LOGISTICS),
                        andNoMore())));
    }

    @Test
    void aRepeatedTriageOfATriagedIncidentHasNoEffect() {
        IncidentId incidentId = IncidentId.newId();
        IncidentTriagedEvent earlier = new IncidentTriagedEvent(incidentId, CampaignId.newId(),
                scorer.assess(Impact.NONE, Sector.GAMES_TICKETING, Category.parse("availability:ddos")),
                Sector.GAMES_TICKETING, Tlp.AMBER, NOW.minusSeconds(60));

        fixture.given(earlier)
                .when(apiExample(incidentId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRedeliveredReportIsTriagedOnlyOnce() {
        IncidentId incidentId = IncidentId.newId();

        fixture.givenCommands(apiExample(incidentId))
                .when(apiExample(incidentId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();

        assertThat(fixture.getEventStore().readEvents(incidentId.toString()).asStream())
                .singleElement()
                .extracting(DomainEventMessage::getPayload)
                .isInstanceOf(IncidentTriagedEvent.class);
    }

    @Test
    void eachIncidentOpensItsOwnCampaign() {
        // the fixture holds one aggregate, so each incident is triaged in a fixture of its own
        IncidentId first = IncidentId.newId();
        IncidentId second = IncidentId.newId();

        CampaignId firstCampaign = campaignOfTriaged(first);
        CampaignId secondCampaign = campaignOfTriaged(second);

        assertThat(firstCampaign).isNotEqualTo(secondCampaign);
    }

    private CampaignId campaignOfTriaged(IncidentId incidentId) {
        AggregateTestFixture<TriageCase> own = new AggregateTestFixture<>(TriageCase.class);
        own.registerInjectableResource(scorer);
        own.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        own.givenNoPriorActivity().when(apiExample(incidentId)).expectSuccessfulHandlerExecution();
        return own.getEventStore().readEvents(incidentId.toString()).asStream()
                .map(DomainEventMessage::getPayload)
                .map(IncidentTriagedEvent.class::cast)
                .map(IncidentTriagedEvent::campaignId)
                .reduce((a, b) -> {
                    throw new AssertionError("more than one triage of " + incidentId);
                })
                .orElseThrow();
    }

    private static TriageIncidentCommand apiExample(IncidentId incidentId) {
        return new TriageIncidentCommand(incidentId, Category.parse("availability:ddos"), Sector.GAMES_TICKETING,
                Tlp.AMBER, new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR));
    }
}
