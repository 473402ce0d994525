package org.circc.escalation.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignMergedEvent;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.IncidentEvent;
import org.circc.contracts.events.IncidentSeverityOverriddenEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.escalation.command.ChangeEscalationSeverityCommand;
import org.circc.escalation.command.EscalationChain;
import org.circc.escalation.command.EscalationPolicies;
import org.circc.escalation.command.EscalationPolicy;
import org.circc.escalation.command.HandOverEscalationCommand;
import org.circc.escalation.command.IncidentSharing;
import org.circc.escalation.command.StartEscalationCommand;
import org.circc.escalation.command.TakeOverEscalationCommand;
import org.circc.escalation.query.IncidentRecord;
import org.circc.escalation.query.IncidentRegistry;
import org.circc.escalation.query.PolicyRepository;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Which command each triage signal becomes, with the campaign locked and the policies in force. */
class TriageEventsConsumerTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final CampaignId MERGED = CampaignId.of("5d7e9f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");

    /** api.md's seeded {@code default} policy. */
    private static final EscalationPolicy DEFAULT = new EscalationPolicy("default", 1, 3, List.of(), List.of(
            new EscalationPolicy.Level(1, List.of("csirt-oncall", "responder-1"), Duration.ofMinutes(5)),
            new EscalationPolicy.Level(2, List.of("duty-coordinator"), Duration.ofMinutes(10)),
            new EscalationPolicy.Level(3, List.of("duty-coordinator", "circc-management"), Duration.ofMinutes(15))));

    private CommandGateway commandGateway;
    private PolicyRepository policies;
    private IncidentRegistry registry;
    private EscalationChains chains;
    private TriageEventsConsumer consumer;

    @BeforeEach
    void setUp() {
        commandGateway = mock(CommandGateway.class);
        policies = mock(PolicyRepository.class);
        registry = mock(IncidentRegistry.class);
        chains = mock(EscalationChains.class);
        when(policies.inForce()).thenReturn(new EscalationPolicies(List.of(DEFAULT)));
        when(registry.lockCampaign(any())).thenAnswer(invocation -> invocation.getArgument(0));
        when(registry.lockCurrent(any())).thenAnswer(invocation -> invocation.getArgument(0));
        when(registry.severityOf(any())).thenReturn(Optional.empty());
        when(registry.find(any())).thenReturn(Optional.empty());
        consumer = new TriageEventsConsumer(commandGateway, policies, registry, chains);
    }

    private static ReceivedIntegrationEvent received(IncidentEvent payload) {
        return new ReceivedIntegrationEvent("event-1", "type", "/circc/triage", payload.subject(), payload);
    }

    private static CampaignSeverityChangedEvent severityChanged(Severity previous, Severity severity,
                                                                Set<Sector> sectors) {
        return new CampaignSeverityChangedEvent(CAMPAIGN, INCIDENT, previous, severity, sectors, Tlp.AMBER_STRICT, AT);
    }

    @Test
    void aCampaignReachingHighStartsTheDefaultPolicysChain() {
        consumer.handle(received(severityChanged(null, Severity.HIGH, Set.of(Sector.RAILWAYS))));

        verify(commandGateway).sendAndWait(new StartEscalationCommand(CAMPAIGN, INCIDENT, DEFAULT, Severity.HIGH,
                Sector.RAILWAYS, Tlp.AMBER_STRICT));
        verify(registry).recordSeverity(CAMPAIGN, Severity.HIGH, Tlp.AMBER_STRICT);
    }

    /** The trigger's own triaged event is keyed by incident, on another partition: it may come later. */
    @Test
    void theTriggeringIncidentIsRecordedAsAMemberBeforeTheChainStarts() {
        consumer.handle(received(severityChanged(null, Severity.HIGH, Set.of(Sector.RAILWAYS))));

        InOrder order = inOrder(registry, commandGateway);
        order.verify(registry).lockCampaign(CAMPAIGN);
        order.verify(registry).recordMember(INCIDENT, CAMPAIGN);
        order.verify(commandGateway).sendAndWait(any(StartEscalationCommand.class));
    }

    @Test
    void theChainTakesTheTriggeringIncidentsSectorWhenIntakesReportArrived() {
        when(registry.find(INCIDENT)).thenReturn(Optional.of(new IncidentRecord(INCIDENT, Optional.of(CAMPAIGN),
                Optional.of(new IncidentSharing("rail-east", Tlp.AMBER, Sector.ELECTRIC_POWER)))));

        consumer.handle(received(severityChanged(null, Severity.HIGH,
                Set.of(Sector.RAILWAYS, Sector.ELECTRIC_POWER))));

        verify(commandGateway).sendAndWait(new StartEscalationCommand(CAMPAIGN, INCIDENT, DEFAULT, Severity.HIGH,
                Sector.ELECTRIC_POWER, Tlp.AMBER_STRICT));
    }

    @Test
    void belowEveryPolicysMinimumNothingIsSent() {
        consumer.handle(received(severityChanged(null, Severity.MEDIUM, Set.of(Sector.GAMES_TICKETING))));

        verifyNoInteractions(commandGateway);
    }

    @Test
    void aRunningChainIsToldTheNewSeverityWhateverThePolicies() {
        when(chains.exists(CAMPAIGN)).thenReturn(true);

        consumer.handle(received(severityChanged(Severity.HIGH, Severity.LOW, Set.of(Sector.RAILWAYS))));

        verify(commandGateway).sendAndWait(new ChangeEscalationSeverityCommand(CAMPAIGN, INCIDENT, Severity.LOW,
                Tlp.AMBER_STRICT));
    }

    @Test
    void aCampaignWhoseMembersAllSettledStartsNoChain() {
        when(registry.isSettled(CAMPAIGN)).thenReturn(true);

        consumer.handle(received(severityChanged(null, Severity.EMERGENCY, Set.of(Sector.RAILWAYS))));

        verifyNoInteractions(commandGateway);
    }

    @Test
    void aSignalAboutACampaignMergedAwayIsIgnored() {
        when(registry.lockCampaign(CAMPAIGN)).thenReturn(MERGED);

        consumer.handle(received(severityChanged(null, Severity.EMERGENCY, Set.of(Sector.RAILWAYS))));

        verifyNoInteractions(commandGateway);
        verify(registry, never()).recordMember(any(), any());
    }

    @Test
    void aTriagedIncidentJoinsItsCampaignAndMayEndItsChain() {
        consumer.handle(received(new IncidentTriagedEvent(INCIDENT, CAMPAIGN, Severity.HIGH, 50, List.of(),
                Actor.system("triage"), AT)));

        InOrder order = inOrder(registry, chains);
        order.verify(registry).lockCampaign(CAMPAIGN);
        order.verify(registry).recordMember(INCIDENT, CAMPAIGN);
        order.verify(chains).endIfSettled(CAMPAIGN);
    }

    @Test
    void aMergeHandsTheMergedChainToTheSurvivor() {
        EscalationChain chain = chain();
        when(chains.exists(MERGED)).thenReturn(true);
        when(registry.severityOf(CAMPAIGN)).thenReturn(Optional.of(
                new IncidentRegistry.CampaignSeverity(Severity.SEVERE, Tlp.RED)));
        when(commandGateway.sendAndWait(new HandOverEscalationCommand(MERGED, CAMPAIGN))).thenReturn(chain);
        when(commandGateway.sendAndWait(new TakeOverEscalationCommand(CAMPAIGN, MERGED, chain, Severity.SEVERE,
                Tlp.RED))).thenReturn(CAMPAIGN);

        consumer.handle(received(new CampaignMergedEvent(CAMPAIGN, MERGED, INCIDENT, List.of(INCIDENT), AT)));

        InOrder order = inOrder(registry, commandGateway, chains);
        order.verify(registry).lockCurrent(List.of(MERGED, CAMPAIGN));
        order.verify(registry).merge(MERGED, CAMPAIGN, List.of(INCIDENT));
        order.verify(commandGateway).sendAndWait(new HandOverEscalationCommand(MERGED, CAMPAIGN));
        order.verify(commandGateway).sendAndWait(new TakeOverEscalationCommand(CAMPAIGN, MERGED, chain,
                Severity.SEVERE, Tlp.RED));
        order.verify(chains).endIfSettled(CAMPAIGN);
    }

    private static EscalationChain chain() {
        return new EscalationChain(DEFAULT, INCIDENT, Severity.HIGH, Sector.RAILWAYS, Tlp.AMBER, 2,
                Set.of("duty-coordinator"), AT, AT, null, false, AT);
    }

    /** S merged into X first, then M into S arrives: M's chain and members go to X, where S's now live. */
    @Test
    void aMergeIntoACampaignThatMergedAwayMeanwhileGoesToWhereItLivesNow() {
        CampaignId since = CampaignId.of("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");
        EscalationChain chain = chain();
        when(registry.lockCurrent(List.of(MERGED, CAMPAIGN))).thenReturn(List.of(MERGED, since));
        when(chains.exists(MERGED)).thenReturn(true);
        when(commandGateway.sendAndWait(new HandOverEscalationCommand(MERGED, since))).thenReturn(chain);
        when(commandGateway.sendAndWait(new TakeOverEscalationCommand(since, MERGED, chain, null, null)))
                .thenReturn(since);

        consumer.handle(received(new CampaignMergedEvent(CAMPAIGN, MERGED, INCIDENT, List.of(INCIDENT), AT)));

        verify(registry).merge(MERGED, since, List.of(INCIDENT));
        verify(commandGateway).sendAndWait(new TakeOverEscalationCommand(since, MERGED, chain, null, null));
        verify(chains).endIfSettled(since);
        verify(registry, never()).merge(any(), eq(CAMPAIGN), any());
    }

    @Test
    void aMergeOfCampaignsAlreadyTogetherOnlyPlacesTheMovedMembers() {
        CampaignId since = CampaignId.of("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b");
        when(registry.lockCurrent(List.of(MERGED, CAMPAIGN))).thenReturn(List.of(since, since));

        consumer.handle(received(new CampaignMergedEvent(CAMPAIGN, MERGED, INCIDENT, List.of(INCIDENT), AT)));

        verify(registry).recordMember(INCIDENT, since);
        verify(registry, never()).merge(any(), any(), any());
        verifyNoInteractions(commandGateway);
        verify(chains).endIfSettled(since);
    }

    @Test
    void aMergeOfACampaignWithoutAChainOnlyMovesItsMembers() {
        consumer.handle(received(new CampaignMergedEvent(CAMPAIGN, MERGED, INCIDENT, List.of(INCIDENT), AT)));

        verify(registry).merge(MERGED, CAMPAIGN, List.of(INCIDENT));
        verifyNoInteractions(commandGateway);
    }

    @Test
    void anOverrideAloneSendsNothing() {
        consumer.handle(received(new IncidentSeverityOverriddenEvent(INCIDENT, CAMPAIGN, Severity.HIGH,
                Severity.EMERGENCY, "confirmed exfiltration", Actor.principal("coordinator-1", "circc"), AT)));

        verifyNoInteractions(commandGateway);
    }
}
