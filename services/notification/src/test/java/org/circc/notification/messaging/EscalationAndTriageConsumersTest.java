package org.circc.notification.messaging;

import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationPolicySavedEvent;
import org.circc.contracts.events.EscalationRemindedEvent;
import org.circc.contracts.events.EscalationStartedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.StakeholderKind;
import org.circc.notification.command.Notice;
import org.circc.notification.command.Recipient;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.Subscriptions;
import org.circc.notification.query.CampaignState;
import org.circc.notification.query.CampaignStates;
import org.circc.notification.query.IncidentDetails;
import org.circc.notification.query.IncidentDetailsRepository;
import org.circc.notification.query.JdbcPolicyTargets;
import org.circc.notification.query.StakeholderDirectory;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Who is told for each input event (api.md "Whom"): targets, reminders, subscribers on escalation and on rises. */
class EscalationAndTriageConsumersTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");

    private static final Stakeholder CSIRT = new Stakeholder("csirt-oncall", "CSIRT", StakeholderKind.team, "circc",
            null, Tlp.AMBER_STRICT, List.of(new Stakeholder.Channel("email", "csirt@circc.localhost")), null);
    private static final Stakeholder VENUE = new Stakeholder("venue-tokyo-soc", "Venue", StakeholderKind.organisation,
            "venue-tokyo", null, Tlp.AMBER, List.of(new Stakeholder.Channel("email", "soc@venue.localhost")),
            new Subscriptions(List.of("games-*"), 2, List.of()));
    private static final Stakeholder RAIL = new Stakeholder("rail-east-soc", "Rail", StakeholderKind.organisation,
            "rail-east", null, Tlp.AMBER, List.of(new Stakeholder.Channel("email", "soc@rail.localhost")),
            new Subscriptions(List.of("railways"), 2, List.of()));
    private static final IncidentDetails TICKETING = new IncidentDetails(INCIDENT, "DDoS", null,
            Category.parse("availability:ddos"), Sector.GAMES_TICKETING, Tlp.AMBER, "venue-tokyo", List.of());

    private Notifier notifier;
    private StakeholderDirectory directory;
    private JdbcPolicyTargets policyTargets;
    private CampaignStates campaigns;
    private IncidentDetailsRepository incidents;
    private EscalationEventsConsumer escalation;
    private TriageEventsConsumer triage;

    @BeforeEach
    void setUp() {
        notifier = mock(Notifier.class);
        directory = mock(StakeholderDirectory.class);
        policyTargets = mock(JdbcPolicyTargets.class);
        campaigns = mock(CampaignStates.class);
        incidents = mock(IncidentDetailsRepository.class);
        when(directory.all()).thenReturn(List.of(CSIRT, VENUE, RAIL));
        when(directory.find("csirt-oncall")).thenReturn(Optional.of(CSIRT));
        when(directory.find("venue-tokyo-soc")).thenReturn(Optional.of(VENUE));
        when(incidents.find(INCIDENT)).thenReturn(Optional.of(TICKETING));
        escalation = new EscalationEventsConsumer(notifier, directory, policyTargets, campaigns, incidents);
        triage = new TriageEventsConsumer(notifier, directory, campaigns, incidents);
    }

    private static ReceivedIntegrationEvent received(IntegrationEvent payload) {
        return new ReceivedIntegrationEvent(UUID.randomUUID().toString(), "type", "/circc/test", payload.subject(),
                payload);
    }

    private static Notifier.Message message(String eventType, int level, Severity severity) {
        return argThat(message -> message.eventType().equals(eventType) && message.level() == level
                && message.severity() == severity && message.incidentId().equals(INCIDENT));
    }

    @Test
    void aRaisedLevelTellsItsTargetsSuppressiblyAndSkipsUnknownOnes() {
        escalation.handle(received(new EscalationLevelRaisedEvent(UUID.randomUUID(), CAMPAIGN, INCIDENT, 2,
                List.of("csirt-oncall", "gone"), AT.plusSeconds(600), Severity.SEVERE, Sector.GAMES_TICKETING,
                Tlp.AMBER, "not acknowledged", AT)));

        verify(campaigns).levelRaised(CAMPAIGN, 2);
        verify(notifier).tell(eq(CSIRT), eq(Recipient.Reason.CURRENT_LEVEL_TARGET),
                message(Notice.LEVEL_RAISED, 2, Severity.SEVERE), eq(true));
        verify(notifier, never()).tell(any(), eq(Recipient.Reason.SUBSCRIBER), any(), anyBoolean());
    }

    @Test
    void aReminderIsNeverSuppressed() {
        escalation.handle(received(new EscalationRemindedEvent(UUID.randomUUID(), CAMPAIGN, INCIDENT, 3,
                List.of("csirt-oncall"), AT.plusSeconds(900), Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER, AT)));

        verify(notifier).tell(eq(CSIRT), eq(Recipient.Reason.CURRENT_LEVEL_TARGET),
                message(Notice.REMINDER, 3, Severity.HIGH), eq(false));
    }

    @Test
    void anEscalationStartTellsTheSubscribersOfTheCampaignsSectorsAtTheirSeverity() {
        when(campaigns.find(CAMPAIGN)).thenReturn(new CampaignState(Set.of(Sector.GAMES_TICKETING), Tlp.AMBER, true,
                0));

        escalation.handle(received(new EscalationStartedEvent(UUID.randomUUID(), CAMPAIGN, INCIDENT, "default", 1,
                Severity.HIGH, AT)));

        verify(campaigns).escalationStarted(CAMPAIGN);
        verify(notifier).tell(eq(VENUE), eq(Recipient.Reason.SUBSCRIBER), message(Notice.ESCALATED, 0, Severity.HIGH),
                eq(true));
        verify(notifier, never()).tell(eq(RAIL), any(), any(), anyBoolean());
        verify(notifier, never()).tell(eq(CSIRT), any(), any(), anyBoolean());
    }

    @Test
    void anEscalationStartBeforeAnySectorIsKnownTellsItsSubscribersWithTheFirstLevelRaised() {
        when(campaigns.find(CAMPAIGN)).thenReturn(CampaignState.UNKNOWN);
        when(incidents.find(INCIDENT)).thenReturn(Optional.empty());

        escalation.handle(received(new EscalationStartedEvent(UUID.randomUUID(), CAMPAIGN, INCIDENT, "default", 1,
                Severity.HIGH, AT)));

        verify(campaigns).markSubscribersPending(CAMPAIGN);
        verifyNoInteractions(notifier);

        when(campaigns.takeSubscribersPending(CAMPAIGN)).thenReturn(true);
        escalation.handle(received(new EscalationLevelRaisedEvent(UUID.randomUUID(), CAMPAIGN, INCIDENT, 1,
                List.of("csirt-oncall"), AT.plusSeconds(300), Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER,
                "started", AT)));

        verify(notifier).tell(eq(CSIRT), eq(Recipient.Reason.CURRENT_LEVEL_TARGET),
                message(Notice.LEVEL_RAISED, 1, Severity.HIGH), eq(true));
        verify(notifier).tell(eq(VENUE), eq(Recipient.Reason.SUBSCRIBER), message(Notice.ESCALATED, 0, Severity.HIGH),
                eq(true));
        verify(notifier, never()).tell(eq(RAIL), any(), any(), anyBoolean());
    }

    @Test
    void aPolicyVersionRecordsItsTargets() {
        escalation.handle(received(new EscalationPolicySavedEvent("default", 4, Set.of("csirt-oncall"),
                Actor.system("escalation"), AT)));

        verify(policyTargets).save("default", 4, Set.of("csirt-oncall"));
        verifyNoInteractions(notifier);
    }

    private static CampaignSeverityChangedEvent changed(Severity previous, Severity now) {
        return new CampaignSeverityChangedEvent(CAMPAIGN, INCIDENT, previous, now, Set.of(Sector.GAMES_TICKETING),
                Tlp.AMBER, AT);
    }

    @Test
    void aRiseWhileTheEscalationRunsTellsTheSubscribersAtTheCurrentLevel() {
        when(campaigns.find(CAMPAIGN)).thenReturn(new CampaignState(Set.of(Sector.GAMES_TICKETING), Tlp.AMBER, true,
                2));

        triage.handle(received(changed(Severity.HIGH, Severity.SEVERE)));

        verify(campaigns).recordTriage(CAMPAIGN, Set.of(Sector.GAMES_TICKETING), Tlp.AMBER);
        verify(notifier).tell(eq(VENUE), eq(Recipient.Reason.SUBSCRIBER),
                message(Notice.SEVERITY_RAISED, 2, Severity.SEVERE), eq(true));
        verify(notifier, never()).tell(eq(RAIL), any(), any(), anyBoolean());
    }

    @Test
    void theOpeningTriageAFallAndARiseWithoutARunningEscalationTellNobody() {
        when(campaigns.find(CAMPAIGN)).thenReturn(new CampaignState(Set.of(Sector.GAMES_TICKETING), Tlp.AMBER, true,
                1));
        triage.handle(received(changed(null, Severity.HIGH)));
        triage.handle(received(changed(Severity.SEVERE, Severity.HIGH)));
        when(campaigns.find(CAMPAIGN)).thenReturn(new CampaignState(Set.of(Sector.GAMES_TICKETING), Tlp.AMBER, false,
                1));
        triage.handle(received(changed(Severity.HIGH, Severity.SEVERE)));

        verifyNoInteractions(notifier);
    }
}
