package org.circc.escalation.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.IncidentEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.escalation.command.EscalationPolicies;
import org.circc.escalation.command.EscalationPolicy;
import org.circc.escalation.command.StartEscalationCommand;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class TriageEventsConsumerTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");

    /** api.md's seeded {@code default} policy. */
    private static final EscalationPolicy DEFAULT = new EscalationPolicy("default", 1, 3, List.of(), List.of(
            new EscalationPolicy.Level(1, List.of("csirt-oncall", "responder-1"), Duration.ofMinutes(5)),
            new EscalationPolicy.Level(2, List.of("duty-coordinator"), Duration.ofMinutes(10)),
            new EscalationPolicy.Level(3, List.of("duty-coordinator", "circc-management"), Duration.ofMinutes(15))));

    private CommandGateway commandGateway;
    private TriageEventsConsumer consumer;

    @BeforeEach
    void setUp() {
        commandGateway = mock(CommandGateway.class);
        consumer = new TriageEventsConsumer(commandGateway, new EscalationPolicies(List.of(DEFAULT)));
    }

    private static ReceivedIntegrationEvent received(IncidentEvent payload) {
        return new ReceivedIntegrationEvent("event-1", "org.circc.campaign.severity-changed.v1", "/circc/triage",
                payload.subject(), payload);
    }

    private static CampaignSeverityChangedEvent severityChanged(Severity previous, Severity severity,
                                                                Set<Sector> sectors) {
        return new CampaignSeverityChangedEvent(CAMPAIGN, INCIDENT, previous, severity, sectors, Tlp.AMBER_STRICT, AT);
    }

    @Test
    void aCampaignReachingHighStartsTheDefaultPolicysChainOnce() {
        consumer.handle(received(severityChanged(null, Severity.HIGH, Set.of(Sector.GAMES_TICKETING))));

        ArgumentCaptor<StartEscalationCommand> command = ArgumentCaptor.forClass(StartEscalationCommand.class);
        verify(commandGateway).sendAndWait(command.capture());
        assertThat(command.getValue()).isEqualTo(new StartEscalationCommand(CAMPAIGN, INCIDENT, DEFAULT, Severity.HIGH,
                Sector.GAMES_TICKETING, Tlp.AMBER_STRICT));
    }

    @Test
    void aRiseFromBelowTheMinimumStartsTheChainToo() {
        consumer.handle(received(severityChanged(Severity.MEDIUM, Severity.SEVERE, Set.of(Sector.RAILWAYS))));

        ArgumentCaptor<StartEscalationCommand> command = ArgumentCaptor.forClass(StartEscalationCommand.class);
        verify(commandGateway).sendAndWait(command.capture());
        assertThat(command.getValue().severity()).isEqualTo(Severity.SEVERE);
        assertThat(command.getValue().policy().id()).isEqualTo("default");
        assertThat(command.getValue().sector()).isEqualTo(Sector.RAILWAYS);
    }

    @Test
    void aCampaignOfSeveralSectorsCarriesOneOfThem() {
        Set<Sector> sectors = Set.of(Sector.GAMES_TICKETING, Sector.RAILWAYS, Sector.ELECTRIC_POWER);
        consumer.handle(received(severityChanged(null, Severity.HIGH, sectors)));

        ArgumentCaptor<StartEscalationCommand> command = ArgumentCaptor.forClass(StartEscalationCommand.class);
        verify(commandGateway).sendAndWait(command.capture());
        assertThat(command.getValue().sector()).isIn(sectors);
    }

    @Test
    void aCampaignAtMediumIsBelowTheDefaultMinimumAndNothingIsSent() {
        consumer.handle(received(severityChanged(null, Severity.MEDIUM, Set.of(Sector.GAMES_TICKETING))));
        consumer.handle(received(severityChanged(Severity.LOW, Severity.MEDIUM, Set.of(Sector.RAILWAYS))));

        verify(commandGateway, never()).sendAndWait(any());
        verifyNoInteractions(commandGateway);
    }

    @Test
    void noApplicablePolicyMeansNoEscalation() {
        TriageEventsConsumer railOnly = new TriageEventsConsumer(commandGateway, new EscalationPolicies(List.of(
                new EscalationPolicy("rail", 1, 2, List.of("railways"), DEFAULT.levels()))));

        railOnly.handle(received(severityChanged(null, Severity.EMERGENCY, Set.of(Sector.FINANCE))));

        verifyNoInteractions(commandGateway);
    }

    @Test
    void otherEventsSendNothing() {
        consumer.handle(received(new IncidentTriagedEvent(INCIDENT, CAMPAIGN, Severity.EMERGENCY, 4.7, List.of(),
                Actor.system("triage"), AT)));
        consumer.handle(received(new IncidentStatusChangedEvent(INCIDENT, IncidentStatus.REPORTED,
                IncidentStatus.TRIAGED, "triaged", Actor.system("triage"), AT)));

        verifyNoInteractions(commandGateway);
    }
}
