package org.circc.triage.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
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
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IncidentUpdatedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.circc.triage.command.TriageIncidentCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class IncidentEventsConsumerTest {

    private static final IncidentId INCIDENT = IncidentId.newId();
    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");

    private final CommandGateway commandGateway = mock(CommandGateway.class);
    private final IncidentEventsConsumer consumer = new IncidentEventsConsumer(commandGateway);

    @Test
    void aReportedIncidentIsSentToTriageOnceWithTheReportsValues() {
        IncidentReportedEvent reported = new IncidentReportedEvent(INCIDENT, "DDoS on the ticketing portal",
                "Sustained SYN flood since 10:10", Category.parse("availability:ddos"), Sector.GAMES_TICKETING,
                Tlp.AMBER_STRICT,
                new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                List.of("tickets.example.jp"), List.of(Observable.of(ObservableType.IPV4, "203.0.113.7")),
                "venue-tokyo", Instant.parse("2026-07-24T10:15:00Z"), Actor.principal("ops@venue-tokyo", "venue-tokyo"),
                AT);

        consumer.handle(received(reported));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commandGateway).sendAndWait(sent.capture());
        verifyNoMoreInteractions(commandGateway);
        assertThat(sent.getValue()).isEqualTo(new TriageIncidentCommand(INCIDENT, Category.parse("availability:ddos"),
                Sector.GAMES_TICKETING, Tlp.AMBER_STRICT,
                new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR)));
    }

    @ParameterizedTest
    @MethodSource("otherEvents")
    void otherEventsDispatchNothing(IntegrationEvent other) {
        consumer.handle(received(other));

        verifyNoInteractions(commandGateway);
    }

    static Stream<IntegrationEvent> otherEvents() {
        Actor coordinator = Actor.principal("coordinator-1", "circc");
        return Stream.of(
                new IncidentUpdatedEvent(INCIDENT, "more hosts affected", List.of(), null, coordinator, AT),
                new IncidentStatusChangedEvent(INCIDENT, IncidentStatus.REPORTED, IncidentStatus.WITHDRAWN,
                        "false alarm", Actor.principal("ops@venue-tokyo", "venue-tokyo"), AT),
                new IncidentTriagedEvent(INCIDENT, CampaignId.newId(), Severity.HIGH, 59.5, List.of(),
                        Actor.system("triage"), AT),
                new CampaignSeverityChangedEvent(CampaignId.newId(), INCIDENT, null, Severity.HIGH,
                        Set.of(Sector.GAMES_TICKETING), Tlp.AMBER, AT));
    }

    private static ReceivedIntegrationEvent received(IntegrationEvent payload) {
        return new ReceivedIntegrationEvent("event-" + payload.getClass().getSimpleName(),
                IntegrationEventCatalogue.of(payload.getClass()).type(), "/circc/intake", payload.subject(), payload);
    }
}
