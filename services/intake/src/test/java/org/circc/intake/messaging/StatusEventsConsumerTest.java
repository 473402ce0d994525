package org.circc.intake.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.intake.command.MarkIncidentAcknowledgedCommand;
import org.circc.intake.command.MarkIncidentEscalatedCommand;
import org.circc.intake.command.MarkIncidentTriagedCommand;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.circc.intake.query.CampaignChains;
import org.circc.intake.query.CampaignChains.Chain;
import org.circc.intake.query.CampaignChains.Stage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.verifyNoInteractions;

class StatusEventsConsumerTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:21:00Z");

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final CampaignChains chains = mock(CampaignChains.class);
    private final StatusEventsConsumer consumer = new StatusEventsConsumer(gateway, chains);
    private final IncidentId incident = IncidentId.newId();
    private final CampaignId campaign = CampaignId.newId();

    @Test
    void aTriagedIncidentIsMarkedTriagedByTriage() {
        consumer.handle(received(new IncidentTriagedEvent(incident, campaign, Severity.HIGH, 52.5, List.of(),
                Actor.system("triage"), AT)));

        verify(gateway).sendAndWait(new MarkIncidentTriagedCommand(incident,
                "triaged: severity 3 High, campaign " + campaign, Actor.system("triage")));
    }

    @Test
    void aTriagedIncidentJoinsItsCampaignAndFollowsAChainAlreadyRunning() {
        Chain running = new Chain(Stage.ESCALATED, "escalation level 2 raised", Actor.system("escalation"));
        when(chains.chainOf(campaign)).thenReturn(Optional.of(running));

        consumer.handle(received(new IncidentTriagedEvent(incident, campaign, Severity.LOW, 12.5, List.of(),
                Actor.system("triage"), AT)));

        verify(chains).lock(campaign);
        verify(chains).join(incident, campaign);
        verify(gateway).sendAndWait(new MarkIncidentEscalatedCommand(incident, "escalation level 2 raised",
                Actor.system("escalation")));
    }

    @Test
    void aRaisedLevelMarksTheIncidentItCarriesEscalated() {
        when(chains.members(campaign)).thenReturn(List.of(incident));
        when(chains.chainOf(campaign)).thenReturn(Optional.of(
                new Chain(Stage.ESCALATED, "escalation level 1 raised: severity reached 3", Actor.system("escalation"))));
        consumer.handle(received(new EscalationLevelRaisedEvent(UUID.randomUUID(), campaign, incident, 1,
                List.of("csirt-oncall"), AT.plusSeconds(300), Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER,
                "severity reached 3", AT)));

        verify(chains).advance(campaign, new Chain(Stage.ESCALATED, "escalation level 1 raised: severity reached 3",
                Actor.system("escalation")));
        verify(gateway).sendAndWait(new MarkIncidentEscalatedCommand(incident,
                "escalation level 1 raised: severity reached 3", Actor.system("escalation")));
    }

    @Test
    void anAcknowledgementMarksTheIncidentAcknowledgedByWhoAcknowledged() {
        Actor responder = Actor.principal("responder-1", "circc");
        when(chains.members(campaign)).thenReturn(List.of(incident));
        when(chains.chainOf(campaign)).thenReturn(Optional.of(
                new Chain(Stage.ACKNOWLEDGED, "escalation acknowledged at level 2: on it", responder)));
        consumer.handle(received(new EscalationAcknowledgedEvent(UUID.randomUUID(), campaign, incident, 2, "on it",
                responder, AT)));

        verify(chains).advance(campaign, new Chain(Stage.ACKNOWLEDGED, "escalation acknowledged at level 2: on it", responder));
        verify(gateway).sendAndWait(new MarkIncidentAcknowledgedCommand(incident,
                "escalation acknowledged at level 2: on it", responder));
    }

    @Test
    void otherEventsOnTheTopicsAreNotAboutStatus() {
        consumer.handle(received(new CampaignSeverityChangedEvent(campaign, incident, null, Severity.HIGH, java.util.Set.of(),
                Tlp.AMBER, AT)));

        verifyNoInteractions(gateway, chains);
    }

    private static ReceivedIntegrationEvent received(IntegrationEvent payload) {
        return new ReceivedIntegrationEvent("id-1", "type", "/circc/test", payload.subject(), payload);
    }
}
