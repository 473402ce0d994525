package org.circc.escalation.messaging;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.Actor;
import org.circc.escalation.command.EscalationChain;
import org.circc.escalation.command.EscalationExhaustedEvent;
import org.circc.escalation.command.EscalationTakenOverEvent;
import org.circc.escalation.command.EscalationLevelRaisedEvent;
import org.circc.escalation.command.EscalationPolicy;
import org.circc.escalation.command.EscalationStartedEvent;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class EscalationEventPublisherTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final EscalationPolicy POLICY = new EscalationPolicy("default", 7, 3, List.of(), List.of(
            new EscalationPolicy.Level(1, List.of("csirt-oncall", "responder-1"), Duration.ofMinutes(5))));

    private IntegrationEventPublisher integrationPublisher;
    private EscalationEventPublisher publisher;

    @BeforeEach
    void setUp() {
        integrationPublisher = mock(IntegrationEventPublisher.class);
        publisher = new EscalationEventPublisher(integrationPublisher);
    }

    private IntegrationEvent published(String eventId) {
        ArgumentCaptor<IntegrationEvent> event = ArgumentCaptor.forClass(IntegrationEvent.class);
        verify(integrationPublisher).publish(event.capture(), eq(eventId));
        verifyNoMoreInteractions(integrationPublisher);
        return event.getValue();
    }

    @Test
    void aStartedChainIsPublishedWithThePolicyVersionItKeeps() {
        publisher.on(new EscalationStartedEvent(CAMPAIGN, INCIDENT, POLICY, Severity.HIGH, Sector.RAILWAYS, Tlp.AMBER,
                AT), "event-started");

        IntegrationEvent event = published("event-started");
        assertThat(event).isEqualTo(new org.circc.contracts.events.EscalationStartedEvent(CAMPAIGN.value(), CAMPAIGN,
                INCIDENT, "default", 7, Severity.HIGH, AT));
        assertThat(event.subject()).isEqualTo(CAMPAIGN.toString());
    }

    @Test
    void aRaisedLevelIsPublishedWithItsTargetsDeadlineAndNoticeFields() {
        Instant deadline = AT.plus(Duration.ofMinutes(5));
        publisher.on(new EscalationLevelRaisedEvent(CAMPAIGN, INCIDENT, 1, List.of("csirt-oncall", "responder-1"),
                deadline, Severity.SEVERE, Sector.GAMES_TICKETING, Tlp.RED, "severity Severe reached policy default", AT),
                "event-raised");

        IntegrationEvent event = published("event-raised");
        assertThat(event).isEqualTo(new org.circc.contracts.events.EscalationLevelRaisedEvent(CAMPAIGN.value(),
                CAMPAIGN, INCIDENT, 1, List.of("csirt-oncall", "responder-1"), deadline, Severity.SEVERE,
                Sector.GAMES_TICKETING, Tlp.RED, "severity Severe reached policy default", AT));
        assertThat(event.subject()).isEqualTo(CAMPAIGN.toString());
    }

    @Test
    void anExhaustedChainIsPublishedWithItsLastLevel() {
        publisher.on(new EscalationExhaustedEvent(CAMPAIGN, INCIDENT, 3, AT), "event-exhausted");

        IntegrationEvent event = published("event-exhausted");
        assertThat(event).isEqualTo(new org.circc.contracts.events.EscalationExhaustedEvent(CAMPAIGN.value(), CAMPAIGN,
                INCIDENT, 3, AT));
        assertThat(event.occurredAt()).isEqualTo(AT);
    }

    @Test
    void anAcknowledgementIsPublishedWithItsActorAndNote() {
        Actor actor = Actor.principal("responder-1", "circc");
        publisher.on(new org.circc.escalation.command.EscalationAcknowledgedEvent(CAMPAIGN, INCIDENT, 2, "on it",
                actor, Severity.HIGH, AT.minusSeconds(90), AT), "event-ack");

        assertThat(published("event-ack")).isEqualTo(new org.circc.contracts.events.EscalationAcknowledgedEvent(
                CAMPAIGN.value(), CAMPAIGN, INCIDENT, 2, "on it", actor, AT));
    }

    @Test
    void aReminderIsPublishedWithTheNextOne() {
        publisher.on(new org.circc.escalation.command.EscalationRemindedEvent(CAMPAIGN, INCIDENT, 3,
                List.of("duty-coordinator"), AT.plusSeconds(900), Severity.HIGH, Sector.RAILWAYS, Tlp.AMBER, AT),
                "event-reminded");

        assertThat(published("event-reminded")).isEqualTo(new org.circc.contracts.events.EscalationRemindedEvent(
                CAMPAIGN.value(), CAMPAIGN, INCIDENT, 3, List.of("duty-coordinator"), AT.plusSeconds(900),
                Severity.HIGH, Sector.RAILWAYS, Tlp.AMBER, AT));
    }

    @Test
    void anEndIsPublishedWithItsReason() {
        publisher.on(new org.circc.escalation.command.EscalationEndedEvent(CAMPAIGN, INCIDENT, "resolved", null, AT),
                "event-ended");

        assertThat(published("event-ended")).isEqualTo(new org.circc.contracts.events.EscalationEndedEvent(
                CAMPAIGN.value(), CAMPAIGN, INCIDENT, "resolved", AT));
    }

    @Test
    void aSurvivorWithoutAChainStartsTheAdoptedOneAtItsLevel() {
        CampaignId merged = CampaignId.of("5d7e9f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a");
        EscalationChain chain = new EscalationChain(POLICY, INCIDENT, Severity.SEVERE, Sector.RAILWAYS, Tlp.AMBER, 1,
                Set.of("csirt-oncall"), AT.plusSeconds(240), AT.plusSeconds(240), null, false, AT.minusSeconds(60));
        publisher.on(new EscalationTakenOverEvent(CAMPAIGN, merged, chain, false, AT), "event-taken-over");

        assertThat(publishedInOrder(2)).containsExactly(
                new org.circc.contracts.events.EscalationStartedEvent(CAMPAIGN.value(), CAMPAIGN, INCIDENT, "default",
                        7, Severity.SEVERE, AT),
                new org.circc.contracts.events.EscalationLevelRaisedEvent(CAMPAIGN.value(), CAMPAIGN, INCIDENT, 1,
                        List.of("csirt-oncall", "responder-1"), AT.plusSeconds(240), Severity.SEVERE, Sector.RAILWAYS,
                        Tlp.AMBER, "campaign " + merged + " merged in: its chain continues here", AT));
    }

    /** The survivor had a chain: its consumers learn the adopted level, exhaustion and acknowledgement, no start. */
    @Test
    void aSurvivorThatHadAChainIsToldTheAdoptedStateOnly() {
        CampaignId merged = CampaignId.of("5d7e9f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a");
        Actor ops = Actor.principal("ops@rail-east", "rail-east");
        EscalationChain chain = new EscalationChain(POLICY, INCIDENT, Severity.SEVERE, Sector.RAILWAYS, Tlp.RED, 1,
                Set.of("csirt-oncall"), AT.minusSeconds(10), null,
                new EscalationChain.Acknowledgement(ops, "on it", AT.minusSeconds(5)), true, AT.minusSeconds(400));
        publisher.on(new EscalationTakenOverEvent(CAMPAIGN, merged, chain, true, AT), "event-taken-over");

        assertThat(publishedInOrder(3)).containsExactly(
                new org.circc.contracts.events.EscalationLevelRaisedEvent(CAMPAIGN.value(), CAMPAIGN, INCIDENT, 1,
                        List.of("csirt-oncall", "responder-1"), AT.minusSeconds(10), Severity.SEVERE, Sector.RAILWAYS,
                        Tlp.RED, "campaign " + merged + " merged in: its chain continues here", AT),
                new org.circc.contracts.events.EscalationExhaustedEvent(CAMPAIGN.value(), CAMPAIGN, INCIDENT, 1, AT),
                new org.circc.contracts.events.EscalationAcknowledgedEvent(CAMPAIGN.value(), CAMPAIGN, INCIDENT, 1,
                        "on it", ops, AT.minusSeconds(5)));
    }

    @Test
    void eachEventPublishedForOneAdoptionHasItsOwnStableId() {
        assertThat(EscalationEventPublisher.derivedId("event-1", "level-raised"))
                .isEqualTo(EscalationEventPublisher.derivedId("event-1", "level-raised"))
                .isNotEqualTo(EscalationEventPublisher.derivedId("event-1", "acknowledged"))
                .isNotEqualTo(EscalationEventPublisher.derivedId("event-2", "level-raised"));
    }

    private List<IntegrationEvent> publishedInOrder(int count) {
        ArgumentCaptor<IntegrationEvent> events = ArgumentCaptor.forClass(IntegrationEvent.class);
        ArgumentCaptor<String> ids = ArgumentCaptor.forClass(String.class);
        verify(integrationPublisher, times(count)).publish(events.capture(), ids.capture());
        assertThat(ids.getAllValues()).doesNotHaveDuplicates();
        return events.getAllValues();
    }

    @Test
    void aSavedPolicyIsPublishedWithEveryStakeholderItTargets() {
        Actor actor = Actor.principal("coordinator-1", "circc");
        EscalationPolicy twoLevels = new EscalationPolicy("default", 2, 3, List.of(), List.of(
                new EscalationPolicy.Level(1, List.of("csirt-oncall", "responder-1"), Duration.ofMinutes(5)),
                new EscalationPolicy.Level(2, List.of("responder-1", "duty-coordinator"), Duration.ofMinutes(5))));
        publisher.on(new org.circc.escalation.command.EscalationPolicySavedEvent(twoLevels, actor, AT), "event-saved");

        IntegrationEvent event = published("event-saved");
        assertThat(event).isEqualTo(new org.circc.contracts.events.EscalationPolicySavedEvent("default", 2,
                Set.of("csirt-oncall", "responder-1", "duty-coordinator"), actor, AT));
        assertThat(event.subject()).isEqualTo("policy:default");
    }
}
