package org.circc.triage.messaging;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IncidentUpdatedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.circc.triage.command.RetriageIncidentCommand;
import org.circc.triage.command.TriageIncidentCommand;
import org.circc.triage.query.CampaignMembers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class IncidentEventsConsumerTest {

    private static final IncidentId INCIDENT = IncidentId.newId();
    private static final Instant REPORTED = Instant.parse("2026-07-24T10:20:00Z");
    private static final Actor OPERATOR = Actor.principal("ops@venue-tokyo", "venue-tokyo");

    private final CommandGateway commandGateway = mock(CommandGateway.class);
    private final CampaignMembers campaignMembers = mock(CampaignMembers.class);
    private final TriageMetrics metrics = new TriageMetrics(new SimpleMeterRegistry(),
            Clock.fixed(REPORTED.plusMillis(250), ZoneOffset.UTC));
    private final IncidentEventsConsumer consumer = new IncidentEventsConsumer(commandGateway, metrics,
            mock(Cache.class), campaignMembers);

    @Test
    void aReportIsTriagedWithEverythingCorrelationNeedsAndItsLatencyMeasured() {
        Impact impact = new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR);
        Observable ip = Observable.of(ObservableType.IPV4, "203.0.113.7");

        consumer.handle(received(new IncidentReportedEvent(INCIDENT, "DDoS on the ticketing portal", "SYN flood",
                Category.parse("availability:ddos"), Sector.GAMES_TICKETING, Tlp.AMBER_STRICT, impact,
                List.of("tickets.example.jp"), List.of(ip), "venue-tokyo", Instant.parse("2026-07-24T10:15:00Z"),
                OPERATOR, REPORTED)));

        verify(commandGateway).sendAndWait(new TriageIncidentCommand(INCIDENT, "venue-tokyo",
                Category.parse("availability:ddos"), Sector.GAMES_TICKETING, Tlp.AMBER_STRICT, impact,
                List.of("tickets.example.jp"), List.of(ip), REPORTED));
        verifyNoMoreInteractions(commandGateway);
        assertThat(metrics.latency().count()).isEqualTo(1);
        assertThat(metrics.latency().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250.0);
    }

    @Test
    void anUpdateWithNewObservablesOrANewImpactIsReTriaged() {
        Observable domain = Observable.of(ObservableType.DOMAIN, "c2.example");

        consumer.handle(received(new IncidentUpdatedEvent(INCIDENT, "more hosts", List.of(domain), null, OPERATOR,
                REPORTED)));
        consumer.handle(received(new IncidentUpdatedEvent(INCIDENT, "worse", List.of(), Impact.NONE, OPERATOR,
                REPORTED)));

        verify(commandGateway).sendAndWait(new RetriageIncidentCommand(INCIDENT, List.of(domain), null));
        verify(commandGateway).sendAndWait(new RetriageIncidentCommand(INCIDENT, List.of(), Impact.NONE));
        verifyNoMoreInteractions(commandGateway);
    }

    @ParameterizedTest
    @MethodSource("closing")
    void aClosingMoveIsRecordedForTheCampaignMetrics(IncidentStatus to) {
        consumer.handle(received(new IncidentStatusChangedEvent(INCIDENT, IncidentStatus.CONTAINED, to, "done",
                OPERATOR, REPORTED)));

        verify(campaignMembers).closed(INCIDENT);
        verifyNoInteractions(commandGateway);
    }

    static Stream<IncidentStatus> closing() {
        return Stream.of(IncidentStatus.RESOLVED, IncidentStatus.CLOSED, IncidentStatus.WITHDRAWN);
    }

    @ParameterizedTest
    @MethodSource("noWork")
    void otherEventsDoNothing(IntegrationEvent other) {
        consumer.handle(received(other));

        verifyNoInteractions(commandGateway, campaignMembers);
    }

    static Stream<IntegrationEvent> noWork() {
        return Stream.of(
                new IncidentUpdatedEvent(INCIDENT, "just a note", List.of(), null, OPERATOR, REPORTED),
                new IncidentStatusChangedEvent(INCIDENT, IncidentStatus.REPORTED, IncidentStatus.TRIAGED, "triaged",
                        Actor.system("triage"), REPORTED),
                new IncidentTriagedEvent(INCIDENT, CampaignId.newId(), Severity.HIGH, 48.0, List.of(),
                        Actor.system("triage"), REPORTED));
    }

    private static ReceivedIntegrationEvent received(IntegrationEvent payload) {
        return new ReceivedIntegrationEvent("event-" + payload.getClass().getSimpleName(),
                IntegrationEventCatalogue.of(payload.getClass()).type(), "/circc/intake", payload.subject(), payload);
    }
}
