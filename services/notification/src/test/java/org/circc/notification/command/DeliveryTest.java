package org.circc.notification.command;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** States, attempts, retries with back-off, give-up, resends and attempts lost in a crash. */
class DeliveryTest {

    private static final Instant T0 = Instant.parse("2026-07-24T10:20:00Z");
    private static final Instant RAISED = Instant.parse("2026-07-24T10:19:59.500Z");
    private static final UUID DELIVERY = UUID.fromString("6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
    private static final String URL = "https://hooks.rail-east.example/circc";
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final Notice NOTICE = new Notice(Notice.LEVEL_RAISED, INCIDENT,
            CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b"), 1, Severity.HIGH, Sector.RAILWAYS, Tlp.AMBER,
            "/api/v1/incidents/" + INCIDENT, null, null);
    /** api.md's schedule without jitter: 1 s doubling to 60 s, for 15 minutes; a lost attempt is redone after 2 min */
    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(60),
            Duration.ofMinutes(15), Duration.ofMinutes(2), 0, () -> 0.5);
    private static final Actor COORDINATOR = Actor.principal("coordinator-1", "circc");

    private AggregateTestFixture<Delivery> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Delivery.class);
        fixture.registerInjectableResource(new FixtureClock(fixture));
        fixture.registerInjectableResource(SCHEDULE);
    }

    private static DeliveryQueuedEvent queued() {
        return new DeliveryQueuedEvent(DELIVERY, "rail-east-soc", "webhook", URL, NOTICE, RAISED, T0);
    }

    private static DeliveryAttemptDueEvent due(int attempt, Instant at) {
        return new DeliveryAttemptDueEvent(DELIVERY, "rail-east-soc", "webhook", URL, NOTICE, attempt, at);
    }

    private static RecordDeliveryAttemptCommand outcome(int attempt, AttemptOutcome outcome, Integer status) {
        return new RecordDeliveryAttemptCommand(DELIVERY, attempt, outcome, status,
                outcome == AttemptOutcome.DELIVERED ? null : "HTTP " + status, T0, 42);
    }

    private static DeliveryAttemptRecordedEvent attempted(int attempt, AttemptOutcome outcome, Integer status,
                                                    DeliveryState state, Instant nextAttemptAt, Instant at) {
        return new DeliveryAttemptRecordedEvent(DELIVERY, "rail-east-soc", "webhook", NOTICE, RAISED, attempt, outcome,
                status, outcome == AttemptOutcome.DELIVERED ? null : "HTTP " + status, T0, 42, state, nextAttemptAt,
                at);
    }

    @Nested
    class Queueing {

        @Test
        void queueingAsksForTheFirstAttemptAndWatchesForItsOutcome() {
            fixture.givenCurrentTime(T0)
                    .when(new QueueDeliveryCommand(DELIVERY, "rail-east-soc", "webhook", URL, NOTICE, RAISED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(queued(), due(1, T0))
                    .expectScheduledDeadline(T0.plus(Duration.ofMinutes(2)),
                            new AttemptDeadline(AttemptDeadline.Kind.OVERDUE, 1));
        }

        @Test
        void anAttemptWhoseOutcomeIsNeverRecordedIsMadeAgain() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(new QueueDeliveryCommand(DELIVERY, "rail-east-soc", "webhook", URL, NOTICE, RAISED))
                    .whenTimeElapses(Duration.ofMinutes(2))
                    .expectEvents(due(1, T0.plus(Duration.ofMinutes(2))));
        }
    }

    @Nested
    class Outcomes {

        @Test
        void aTwoHundredDelivers() {
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0))
                    .when(outcome(1, AttemptOutcome.DELIVERED, 200))
                    .expectEvents(attempted(1, AttemptOutcome.DELIVERED, 200, DeliveryState.DELIVERED, null, T0));
        }

        @Test
        void aStreamNobodyWatchedIsSent() {
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0))
                    .when(outcome(1, AttemptOutcome.SENT, null))
                    .expectEvents(attempted(1, AttemptOutcome.SENT, null, DeliveryState.SENT, null, T0));
        }

        @Test
        void aServerErrorFailsAndSchedulesTheNextAttemptAfterOneSecond() {
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0))
                    .when(outcome(1, AttemptOutcome.RETRYABLE_FAILURE, 503))
                    .expectEvents(attempted(1, AttemptOutcome.RETRYABLE_FAILURE, 503, DeliveryState.FAILED,
                            T0.plusSeconds(1), T0))
                    .expectScheduledDeadline(T0.plusSeconds(1), new AttemptDeadline(AttemptDeadline.Kind.RETRY, 2));
        }

        @Test
        void theRetryIsAskedForWhenItsBackOffHasPassed() {
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0))
                    .andGivenCommands(outcome(1, AttemptOutcome.RETRYABLE_FAILURE, 503))
                    .whenTimeElapses(Duration.ofSeconds(1))
                    .expectEvents(due(2, T0.plusSeconds(1)));
        }

        @Test
        void theBackOffDoublesWithEachFailure() {
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0),
                            attempted(1, AttemptOutcome.RETRYABLE_FAILURE, 503, DeliveryState.FAILED, T0.plusSeconds(1), T0),
                            due(2, T0.plusSeconds(1)),
                            attempted(2, AttemptOutcome.RETRYABLE_FAILURE, 503, DeliveryState.FAILED, T0.plusSeconds(3), T0),
                            due(3, T0.plusSeconds(3)))
                    .when(outcome(3, AttemptOutcome.RETRYABLE_FAILURE, 502))
                    .expectEvents(attempted(3, AttemptOutcome.RETRYABLE_FAILURE, 502, DeliveryState.FAILED,
                            T0.plusSeconds(4), T0))
                    .expectScheduledDeadline(T0.plusSeconds(4), new AttemptDeadline(AttemptDeadline.Kind.RETRY, 4));
        }

        /**
         * The endpoint is down from T0 for about a minute: the history up to the attempt {@code failed + 1} being due,
         * attempts 1 to {@code failed} having failed with api.md's back-off (1 s doubling: +0, +1, +3, +7, +15, +31 s).
         */
        private List<Object> downSinceT0(int failed) {
            List<Object> history = new ArrayList<>(List.of(queued(), due(1, T0)));
            Instant at = T0;
            for (int attempt = 1; attempt <= failed; attempt++) {
                Instant next = at.plus(SCHEDULE.delayAfter(attempt));
                history.add(attempted(attempt, AttemptOutcome.RETRYABLE_FAILURE, 503, DeliveryState.FAILED, next, at));
                history.add(due(attempt + 1, next));
                at = next;
            }
            return history;
        }

        @Test
        void anEndpointDownForAMinuteIsStillRetried() {
            Instant sixthAttempt = T0.plusSeconds(31);
            fixture.givenCurrentTime(sixthAttempt)
                    .andGiven(downSinceT0(5))
                    .when(outcome(6, AttemptOutcome.RETRYABLE_FAILURE, 503))
                    .expectEvents(attempted(6, AttemptOutcome.RETRYABLE_FAILURE, 503, DeliveryState.FAILED,
                            T0.plusSeconds(63), sixthAttempt))
                    .expectScheduledDeadline(T0.plusSeconds(63), new AttemptDeadline(AttemptDeadline.Kind.RETRY, 7));
        }

        @Test
        void anEndpointBackAfterAMinuteGetsTheNotice() {
            Instant seventhAttempt = T0.plusSeconds(63);
            fixture.givenCurrentTime(seventhAttempt)
                    .andGiven(downSinceT0(6))
                    .when(outcome(7, AttemptOutcome.DELIVERED, 200))
                    .expectEvents(attempted(7, AttemptOutcome.DELIVERED, 200, DeliveryState.DELIVERED, null,
                            seventhAttempt));
        }

        @Test
        void aClientErrorIsDeadLetteredAtOnce() {
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0))
                    .when(outcome(1, AttemptOutcome.PERMANENT_FAILURE, 404))
                    .expectEvents(attempted(1, AttemptOutcome.PERMANENT_FAILURE, 404, DeliveryState.DEAD_LETTERED,
                            null, T0));
        }

        @Test
        void aFailureWhoseRetryWouldFallAfterFifteenMinutesIsDeadLettered() {
            Instant late = T0.plus(Duration.ofMinutes(15)).minusMillis(500);
            fixture.givenCurrentTime(T0)
                    .andGiven(queued())
                    .andGivenCurrentTime(late)
                    .andGiven(due(12, late))
                    .when(new RecordDeliveryAttemptCommand(DELIVERY, 12, AttemptOutcome.RETRYABLE_FAILURE, 500,
                            "HTTP 500", T0, 42))
                    .expectEvents(new DeliveryAttemptRecordedEvent(DELIVERY, "rail-east-soc", "webhook", NOTICE, RAISED, 12,
                            AttemptOutcome.RETRYABLE_FAILURE, 500, "HTTP 500", T0, 42, DeliveryState.DEAD_LETTERED,
                            null, late));
        }

        @Test
        void anOutcomeForAnAttemptNotAskedForIsIgnored() {
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0),
                            attempted(1, AttemptOutcome.DELIVERED, 200, DeliveryState.DELIVERED, null, T0))
                    .when(outcome(1, AttemptOutcome.RETRYABLE_FAILURE, 500))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anOutcomeForAnUnknownDeliveryIsRejected() {
            fixture.givenNoPriorActivity()
                    .when(outcome(1, AttemptOutcome.DELIVERED, 200))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class Resending {

        @Test
        void aDeadLetteredDeliveryIsTriedAgainWithTheNextAttemptNumber() {
            Instant later = T0.plus(Duration.ofHours(1));
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0),
                            attempted(1, AttemptOutcome.PERMANENT_FAILURE, 410, DeliveryState.DEAD_LETTERED, null, T0))
                    .andGivenCurrentTime(later)
                    .when(new ResendDeliveryCommand(DELIVERY, COORDINATOR))
                    .expectEvents(new DeliveryResendRequestedEvent(DELIVERY, COORDINATOR, later), due(2, later));
        }

        @Test
        void aResendStartsAFreshRetryBudget() {
            Instant later = T0.plus(Duration.ofHours(1));
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0),
                            attempted(1, AttemptOutcome.RETRYABLE_FAILURE, 500, DeliveryState.DEAD_LETTERED, null, T0))
                    .andGivenCurrentTime(later)
                    .andGivenCommands(new ResendDeliveryCommand(DELIVERY, COORDINATOR))
                    .when(outcome(2, AttemptOutcome.RETRYABLE_FAILURE, 500))
                    .expectEvents(attempted(2, AttemptOutcome.RETRYABLE_FAILURE, 500, DeliveryState.FAILED,
                            later.plusSeconds(1), later));
        }

        @Test
        void aDeliveredDeliveryCannotBeResent() {
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0),
                            attempted(1, AttemptOutcome.DELIVERED, 200, DeliveryState.DELIVERED, null, T0))
                    .when(new ResendDeliveryCommand(DELIVERY, COORDINATOR))
                    .expectException(DeliveryNotResendable.class)
                    .expectNoEvents();
        }

        @Test
        void aQueuedDeliveryCannotBeResent() {
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0))
                    .when(new ResendDeliveryCommand(DELIVERY, COORDINATOR))
                    .expectException(DeliveryNotResendable.class);
        }

        @Test
        void aResendWhileTheRetryIsUnderWayIsANoOp() {
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0),
                            attempted(1, AttemptOutcome.RETRYABLE_FAILURE, 500, DeliveryState.FAILED, T0.plusSeconds(1), T0),
                            due(2, T0.plusSeconds(1)))
                    .when(new ResendDeliveryCommand(DELIVERY, COORDINATOR))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void theRetryScheduledBeforeAResendDoesNotAttemptTwice() {
            fixture.givenCurrentTime(T0)
                    .andGiven(queued(), due(1, T0))
                    .andGivenCommands(outcome(1, AttemptOutcome.RETRYABLE_FAILURE, 500),
                            new ResendDeliveryCommand(DELIVERY, COORDINATOR))
                    .whenTimeElapses(Duration.ofSeconds(1))
                    .expectNoEvents();
        }
    }
}
