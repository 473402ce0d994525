package org.circc.intake.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.circc.contracts.sharing.IncidentFacts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IncidentTest {

    private static final Instant NOW = Instant.parse("2026-07-24T10:20:00.123Z");

    private AggregateTestFixture<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource((NeedToKnow) (incident, reporter, tlp, sector) -> IncidentFacts.of(reporter, tlp));
    }

    @Test
    void reportingAnIncidentRecordsTheReportTheReporterAndTheTimeOfTheClock() {
        IncidentId incidentId = IncidentId.newId();
        IncidentReport report = exampleReport();
        Actor reporter = Actor.principal("ops@venue-tokyo", "venue-tokyo");

        fixture.givenNoPriorActivity()
                .when(new ReportIncidentCommand(incidentId, report, reporter))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IncidentReportedEvent(incidentId, report, reporter, NOW));
    }

    @Test
    void theReportedEventIsTheOnlyEventAndCarriesTheReportUnchanged() {
        IncidentId incidentId = IncidentId.newId();
        IncidentReport report = exampleReport();
        Actor reporter = Actor.principal("ops@rail-east", "rail-east");

        fixture.givenNoPriorActivity()
                .when(new ReportIncidentCommand(incidentId, report, reporter))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                        org.axonframework.test.matchers.Matchers.messageWithPayload(
                                org.hamcrest.Matchers.equalTo(new IncidentReportedEvent(incidentId, report, reporter, NOW))),
                        org.axonframework.test.matchers.Matchers.andNoMore()));

        // the event's aggregate identifier is the incident id, so the incident's history is found under it
        assertThat(fixture.getEventStore().readEvents(incidentId.toString()).asStream())
                .singleElement()
                .satisfies(message -> {
                    assertThat(message.getAggregateIdentifier()).isEqualTo(incidentId.toString());
                    assertThat(message.getSequenceNumber()).isZero();
                    assertThat(message.getPayload()).isInstanceOfSatisfying(IncidentReportedEvent.class, event -> {
                        assertThat(event.report()).isEqualTo(report);
                        assertThat(event.reporter().organisation()).isEqualTo("rail-east");
                        assertThat(event.reportedAt()).isEqualTo(NOW);
                    });
                });
    }

    static IncidentReport exampleReport() {
        return new IncidentReport("DDoS on the ticketing portal", "Sustained SYN flood since 10:10",
                Category.parse("availability:ddos"), Sector.GAMES_TICKETING, Tlp.AMBER,
                new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                List.of("tickets.example.jp"), List.of(Observable.of(ObservableType.IPV4, "203.0.113.7")),
                Instant.parse("2026-07-24T10:15:00Z"));
    }
}
