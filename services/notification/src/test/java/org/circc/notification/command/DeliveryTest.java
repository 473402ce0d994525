package org.circc.notification.command;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

class DeliveryTest {

    private static final Instant NOW = Instant.parse("2026-07-24T10:20:30.125Z");
    private static final Instant QUEUED_AT = Instant.parse("2026-07-24T10:20:00Z");
    private static final UUID DELIVERY = UUID.fromString("6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final Notice NOTICE = new Notice("escalation.level-raised", INCIDENT,
            CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b"), 1, Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER,
            "/api/v1/incidents/" + INCIDENT);

    private AggregateTestFixture<Delivery> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Delivery.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static DeliveryQueuedEvent queued() {
        return new DeliveryQueuedEvent(DELIVERY, "csirt-oncall", "email", NOTICE, QUEUED_AT);
    }

    private static DeliveryAttemptedEvent attempted(int attempt, boolean succeeded, String error) {
        return new DeliveryAttemptedEvent(DELIVERY, "csirt-oncall", "email", NOTICE, attempt, succeeded, error, true,
                QUEUED_AT.plusSeconds(1));
    }

    @Test
    void queueingRecordsTheDelivery() {
        fixture.givenNoPriorActivity()
                .when(new QueueDeliveryCommand(DELIVERY, "csirt-oncall", "email", NOTICE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeliveryQueuedEvent(DELIVERY, "csirt-oncall", "email", NOTICE, NOW));
    }

    @Test
    void aSuccessfulAttemptIsRecordedWithTheNoticeItDelivered() {
        fixture.given(queued())
                .when(new RecordDeliveryAttemptCommand(DELIVERY, 1, true, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeliveryAttemptedEvent(DELIVERY, "csirt-oncall", "email", NOTICE, 1, true, null, true,
                        NOW));
    }

    @Test
    void anAttemptAfterDeliveryIsANoOp() {
        fixture.given(queued(), attempted(1, true, null))
                .when(new RecordDeliveryAttemptCommand(DELIVERY, 2, true, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailedAttemptAfterDeliveryIsANoOpToo() {
        fixture.given(queued(), attempted(1, true, null))
                .when(new RecordDeliveryAttemptCommand(DELIVERY, 2, false, "421 try again later"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailedAttemptIsFinalUntilRetriesExist() {
        fixture.given(queued())
                .when(new RecordDeliveryAttemptCommand(DELIVERY, 1, false, "550 mailbox unavailable"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DeliveryAttemptedEvent(DELIVERY, "csirt-oncall", "email", NOTICE, 1, false,
                        "550 mailbox unavailable", true, NOW));
    }

    @Test
    void anAttemptAfterTheDeliveryWasDeadLetteredIsANoOp() {
        fixture.given(queued(), attempted(1, false, "550 mailbox unavailable"))
                .when(new RecordDeliveryAttemptCommand(DELIVERY, 2, true, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAttemptOnAnUnknownDeliveryIsRejected() {
        fixture.givenNoPriorActivity()
                .when(new RecordDeliveryAttemptCommand(DELIVERY, 1, true, null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
