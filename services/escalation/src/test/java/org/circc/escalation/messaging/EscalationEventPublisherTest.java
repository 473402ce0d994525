package org.circc.escalation.messaging;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.escalation.command.EscalationExhaustedEvent;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
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
}
