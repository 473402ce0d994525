package org.circc.notification.messaging;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.NotificationDeadLetteredEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.notification.command.DeliveryAttemptedEvent;
import org.circc.notification.command.Notice;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class NotificationEventPublisherTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:20:01Z");
    private static final UUID DELIVERY = UUID.fromString("6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final Notice NOTICE = new Notice("escalation.level-raised", INCIDENT, CAMPAIGN, 2, Severity.HIGH,
            Sector.RAILWAYS, Tlp.AMBER, "/api/v1/incidents/" + INCIDENT);

    private IntegrationEventPublisher integrationPublisher;
    private NotificationEventPublisher publisher;

    @BeforeEach
    void setUp() {
        integrationPublisher = mock(IntegrationEventPublisher.class);
        publisher = new NotificationEventPublisher(integrationPublisher);
    }

    private IntegrationEvent published(String eventId) {
        ArgumentCaptor<IntegrationEvent> event = ArgumentCaptor.forClass(IntegrationEvent.class);
        verify(integrationPublisher).publish(event.capture(), eq(eventId));
        verifyNoMoreInteractions(integrationPublisher);
        return event.getValue();
    }

    @Test
    void aSuccessfulAttemptIsPublishedAsDelivered() {
        publisher.on(new DeliveryAttemptedEvent(DELIVERY, "csirt-oncall", "email", NOTICE, 1, true, null, true, AT),
                "event-attempt-1");

        IntegrationEvent event = published("event-attempt-1");
        assertThat(event).isEqualTo(new NotificationDeliveredEvent(DELIVERY, "csirt-oncall", "email", INCIDENT,
                CAMPAIGN, 2, 1, true, AT));
        assertThat(event.subject()).isEqualTo(DELIVERY.toString());
    }

    @Test
    void aFailedFinalAttemptIsPublishedAsDeadLettered() {
        publisher.on(new DeliveryAttemptedEvent(DELIVERY, "csirt-oncall", "email", NOTICE, 1, false,
                "550 mailbox unavailable", true, AT), "event-attempt-2");

        IntegrationEvent event = published("event-attempt-2");
        assertThat(event).isEqualTo(new NotificationDeadLetteredEvent(DELIVERY, "csirt-oncall", "email", INCIDENT,
                CAMPAIGN, 2, 1, "550 mailbox unavailable", AT));
        assertThat(event.subject()).isEqualTo(DELIVERY.toString());
    }
}
