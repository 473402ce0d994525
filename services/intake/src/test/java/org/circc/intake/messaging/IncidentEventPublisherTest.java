package org.circc.intake.messaging;

import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.intake.command.IncidentReport;
import org.circc.intake.command.IncidentReportedEvent;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class IncidentEventPublisherTest {

    private final IntegrationEventPublisher integrationEvents = mock(IntegrationEventPublisher.class);
    private final IncidentEventPublisher publisher = new IncidentEventPublisher(integrationEvents);

    @Test
    void aStoredReportIsPublishedAsTheIntegrationEventWithTheStoredEventsId() {
        IncidentId incidentId = IncidentId.newId();
        Instant detectedAt = Instant.parse("2026-07-24T10:15:00Z");
        Instant reportedAt = Instant.parse("2026-07-24T10:20:00.123Z");
        IncidentReport report = new IncidentReport("DDoS on the ticketing portal", "Sustained SYN flood since 10:10",
                Category.parse("availability:ddos"), Sector.GAMES_TICKETING, Tlp.AMBER_STRICT,
                new Impact(Impact.Functional.HIGH, Impact.Information.PRIVACY, Impact.Recoverability.EXTENDED),
                List.of("tickets.example.jp", "gate-scanners"),
                List.of(Observable.of(ObservableType.IPV4, "203.0.113.7"), Observable.of(ObservableType.DOMAIN, "evil.example")),
                detectedAt);
        Actor reporter = Actor.principal("ops@venue-tokyo", "venue-tokyo");
        String eventId = "0b0f5a8e-5c1e-4d5e-9c43-1d1f4c1b2a77";

        publisher.on(new IncidentReportedEvent(incidentId, report, reporter, reportedAt), eventId);

        ArgumentCaptor<IntegrationEvent> published = ArgumentCaptor.forClass(IntegrationEvent.class);
        verify(integrationEvents).publish(published.capture(), eq(eventId));
        verifyNoMoreInteractions(integrationEvents);
        assertThat(published.getValue()).isEqualTo(new org.circc.contracts.events.IncidentReportedEvent(
                incidentId, "DDoS on the ticketing portal", "Sustained SYN flood since 10:10",
                Category.parse("availability:ddos"), Sector.GAMES_TICKETING, Tlp.AMBER_STRICT,
                new Impact(Impact.Functional.HIGH, Impact.Information.PRIVACY, Impact.Recoverability.EXTENDED),
                List.of("tickets.example.jp", "gate-scanners"),
                List.of(Observable.of(ObservableType.IPV4, "203.0.113.7"), Observable.of(ObservableType.DOMAIN, "evil.example")),
                "venue-tokyo", detectedAt, reporter, reportedAt));
        assertThat(published.getValue().subject()).isEqualTo(incidentId.toString());
        assertThat(published.getValue().occurredAt()).isEqualTo(reportedAt);
    }

    @Test
    void theReporterOrganisationComesFromTheReportingPrincipal() {
        IncidentId incidentId = IncidentId.newId();
        IncidentReport report = new IncidentReport("Signal fault", null, Category.parse("intrusions"),
                Sector.RAILWAYS, Tlp.CLEAR, Impact.NONE, List.of(), List.of(), Instant.parse("2026-07-24T09:00:00Z"));

        publisher.on(new IncidentReportedEvent(incidentId, report, Actor.principal("ops@rail-east", "rail-east"),
                Instant.parse("2026-07-24T09:01:00Z")), "event-1");

        ArgumentCaptor<org.circc.contracts.events.IncidentReportedEvent> published =
                ArgumentCaptor.forClass(org.circc.contracts.events.IncidentReportedEvent.class);
        verify(integrationEvents).publish(published.capture(), any());
        assertThat(published.getValue().reporterOrg()).isEqualTo("rail-east");
        assertThat(published.getValue().actor()).isEqualTo(Actor.principal("ops@rail-east", "rail-east"));
        assertThat(published.getValue().description()).isNull();
        assertThat(published.getValue().impact()).isEqualTo(Impact.NONE);
        assertThat(published.getValue().observables()).isEmpty();
    }

    @Test
    void aStoredUpdateIsPublishedWithOnlyTheNewObservablesAndTheStoredEventsId() {
        IncidentId incidentId = IncidentId.newId();
        Actor actor = Actor.principal("ops@venue-tokyo", "venue-tokyo");
        Instant at = Instant.parse("2026-07-24T10:30:00.001Z");
        List<Observable> added = List.of(Observable.of(ObservableType.DOMAIN, "evil.example"));

        publisher.on(new org.circc.intake.command.IncidentUpdatedEvent(incidentId, "C2 found", added, null, actor, at),
                "event-2");

        verify(integrationEvents).publish(new org.circc.contracts.events.IncidentUpdatedEvent(incidentId, "C2 found",
                added, null, actor, at), "event-2");
    }

    @Test
    void aStoredStatusChangeIsPublishedWithFromToReasonAndWho() {
        IncidentId incidentId = IncidentId.newId();
        Actor actor = Actor.principal("responder-1", "circc");
        Instant at = Instant.parse("2026-07-24T11:00:00Z");

        publisher.on(new org.circc.intake.command.IncidentStatusChangedEvent(incidentId,
                org.circc.contracts.events.IncidentStatus.ESCALATED, org.circc.contracts.events.IncidentStatus.CONTAINED,
                "isolated", actor, at), "event-3");

        verify(integrationEvents).publish(new org.circc.contracts.events.IncidentStatusChangedEvent(incidentId,
                org.circc.contracts.events.IncidentStatus.ESCALATED, org.circc.contracts.events.IncidentStatus.CONTAINED,
                "isolated", actor, at), "event-3");
    }
}
