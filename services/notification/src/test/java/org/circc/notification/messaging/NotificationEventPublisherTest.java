package org.circc.notification.messaging;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.NotificationDeadLetteredEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.contracts.events.NotificationFailedEvent;
import org.circc.notification.command.AttemptOutcome;
import org.circc.notification.command.DeliveryAttemptRecordedEvent;
import org.circc.notification.command.DeliveryState;
import org.circc.notification.command.Notice;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class NotificationEventPublisherTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:20:01Z");
    private static final UUID DELIVERY = UUID.fromString("6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final Notice REDACTED = new Notice(Notice.LEVEL_RAISED, INCIDENT, CAMPAIGN, 2, Severity.HIGH,
            Sector.RAILWAYS, Tlp.AMBER, "/api/v1/incidents/" + INCIDENT, null, null);
    private static final Notice DETAILED = new Notice(Notice.LEVEL_RAISED, INCIDENT, CAMPAIGN, 2, Severity.HIGH,
            Sector.RAILWAYS, Tlp.AMBER, "/api/v1/incidents/" + INCIDENT,
            new Notice.Details("Signalling outage", null, List.of()), null);

    private IntegrationEventPublisher integrationPublisher;
    private NotificationEventPublisher publisher;

    @BeforeEach
    void setUp() {
        integrationPublisher = mock(IntegrationEventPublisher.class);
        publisher = new NotificationEventPublisher(integrationPublisher);
    }

    private static DeliveryAttemptRecordedEvent attempted(Notice notice, DeliveryState state, String error, Instant next) {
        AttemptOutcome outcome = switch (state) {
            case DELIVERED -> AttemptOutcome.DELIVERED;
            case SENT -> AttemptOutcome.SENT;
            case FAILED -> AttemptOutcome.RETRYABLE_FAILURE;
            default -> AttemptOutcome.PERMANENT_FAILURE;
        };
        return new DeliveryAttemptRecordedEvent(DELIVERY, "rail-east-soc", "email", notice, AT.minusSeconds(1), 3, outcome,
                null, error, AT, 12, state, next, AT);
    }

    private IntegrationEvent published(String eventId) {
        ArgumentCaptor<IntegrationEvent> event = ArgumentCaptor.forClass(IntegrationEvent.class);
        verify(integrationPublisher).publish(event.capture(), eq(eventId));
        verifyNoMoreInteractions(integrationPublisher);
        return event.getValue();
    }

    @Test
    void aDeliveryIsPublishedAsDeliveredSayingWhetherItWasRedacted() {
        publisher.on(attempted(REDACTED, DeliveryState.DELIVERED, null, null), "event-1");

        IntegrationEvent event = published("event-1");
        assertThat(event).isEqualTo(new NotificationDeliveredEvent(DELIVERY, "rail-east-soc", "email", INCIDENT,
                CAMPAIGN, 2, 3, true, AT));
        assertThat(event.subject()).isEqualTo(DELIVERY.toString());
    }

    @Test
    void detailsAreNotRedacted() {
        publisher.on(attempted(DETAILED, DeliveryState.DELIVERED, null, null), "event-2");

        assertThat(((NotificationDeliveredEvent) published("event-2")).redacted()).isFalse();
    }

    @Test
    void aFailureWithARetryIsPublishedAsFailedWithTheNextAttempt() {
        publisher.on(attempted(REDACTED, DeliveryState.FAILED, "HTTP 503", AT.plusSeconds(4)), "event-3");

        assertThat(published("event-3")).isEqualTo(new NotificationFailedEvent(DELIVERY, "rail-east-soc", "email",
                INCIDENT, CAMPAIGN, 2, 3, "HTTP 503", AT.plusSeconds(4), AT));
    }

    @Test
    void aDeadLetterIsPublishedAsDeadLettered() {
        publisher.on(attempted(REDACTED, DeliveryState.DEAD_LETTERED, "HTTP 410", null), "event-4");

        assertThat(published("event-4")).isEqualTo(new NotificationDeadLetteredEvent(DELIVERY, "rail-east-soc",
                "email", INCIDENT, CAMPAIGN, 2, 3, "HTTP 410", AT));
    }

    @Test
    void aStreamNoticeNobodyReceivedIsNotPublished() {
        publisher.on(attempted(REDACTED, DeliveryState.SENT, null, null), "event-5");

        verifyNoInteractions(integrationPublisher);
    }
}
