package org.circc.escalation.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

/**
 * The chain of one campaign: level 1 at once, the next level when a level's deadline passes unacknowledged,
 * exhaustion after the last. The aggregate's Clock reads the fixture's simulated time, which starts at the fixed
 * instant {@link #T0} and moves only when the test advances it, so the StubDeadlineManager and the times in the
 * events agree.
 */
class EscalationTest {

    private static final Instant T0 = Instant.parse("2026-07-24T10:20:00Z");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");

    /** api.md's seeded {@code default} policy. */
    private static final EscalationPolicy DEFAULT = new EscalationPolicy("default", 1, 3, List.of(), List.of(
            new EscalationPolicy.Level(1, List.of("csirt-oncall", "responder-1"), Duration.ofMinutes(5)),
            new EscalationPolicy.Level(2, List.of("duty-coordinator"), Duration.ofMinutes(10)),
            new EscalationPolicy.Level(3, List.of("duty-coordinator", "circc-management"), Duration.ofMinutes(15))));

    private AggregateTestFixture<Escalation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Escalation.class);
        fixture.registerInjectableResource(new FixtureClock(fixture));
    }

    private static StartEscalationCommand start() {
        return new StartEscalationCommand(CAMPAIGN, INCIDENT, DEFAULT, Severity.HIGH, Sector.GAMES_TICKETING,
                Tlp.AMBER);
    }

    private static EscalationStartedEvent started() {
        return new EscalationStartedEvent(CAMPAIGN, INCIDENT, DEFAULT, Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER,
                T0);
    }

    private static EscalationLevelRaisedEvent raised(int level, List<String> targets, Instant raisedAt,
                                                     Duration ackWithin, String reason) {
        return new EscalationLevelRaisedEvent(CAMPAIGN, INCIDENT, level, targets, raisedAt.plus(ackWithin),
                Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER, reason, raisedAt);
    }

    private static EscalationLevelRaisedEvent levelOne() {
        return raised(1, List.of("csirt-oncall", "responder-1"), T0, Duration.ofMinutes(5),
                "severity High reached policy default");
    }

    @Test
    void startingOnANewCampaignRaisesLevelOneAndSchedulesItsDeadline() {
        fixture.givenCurrentTime(T0)
                .when(start())
                .expectSuccessfulHandlerExecution()
                .expectEvents(started(), levelOne())
                .expectScheduledDeadlineWithName(Duration.ofMinutes(5), AcknowledgementDeadline.NAME)
                .expectScheduledDeadline(T0.plus(Duration.ofMinutes(5)), new AcknowledgementDeadline(1))
                .expectNoScheduledDeadline(Duration.ofMinutes(10), new AcknowledgementDeadline(2));
    }

    @Test
    void levelOneTargetsAndDeadlineComeFromThePolicy() {
        fixture.givenCurrentTime(T0)
                .when(start())
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                matches((Object payload) ->
                                        payload instanceof EscalationStartedEvent s
                                                && s.policy().equals(DEFAULT) && s.startedAt().equals(T0)),
                                matches((Object payload) ->
                                        payload instanceof EscalationLevelRaisedEvent r
                                                && r.level() == 1
                                                && r.targets().equals(List.of("csirt-oncall", "responder-1"))
                                                && r.ackDeadline().equals(Instant.parse("2026-07-24T10:25:00Z"))),
                                andNoMore())));
    }

    @Test
    void aSecondStartOfTheSameCampaignIsANoOp() {
        fixture.givenCurrentTime(T0)
                .andGiven(started(), levelOne())
                .when(start())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSecondStartCommandAfterTheFirstEmitsNothingAndSchedulesNoSecondDeadline() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(start())
                .when(start())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectScheduledDeadline(T0.plus(Duration.ofMinutes(5)), new AcknowledgementDeadline(1));
        assertThat(fixture.getEventStore().readEvents(CAMPAIGN.toString()).asStream().count())
                .as("events stored for the campaign")
                .isEqualTo(2);
    }

    @Test
    void levelOneUnacknowledgedForItsAckWithinRaisesLevelTwo() {
        Instant fiveMinutesLater = T0.plus(Duration.ofMinutes(5));
        fixture.givenCurrentTime(T0)
                .andGivenCommands(start())
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectTriggeredDeadlines(new AcknowledgementDeadline(1))
                .expectEvents(raised(2, List.of("duty-coordinator"), fiveMinutesLater, Duration.ofMinutes(10),
                        "level 1 not acknowledged in time"))
                .expectScheduledDeadline(fiveMinutesLater.plus(Duration.ofMinutes(10)), new AcknowledgementDeadline(2));
    }

    @Test
    void nothingHappensBeforeTheDeadline() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(start())
                .whenTimeElapses(Duration.ofMinutes(4).plusSeconds(59))
                .expectNoEvents()
                .expectTriggeredDeadlines()
                .expectScheduledDeadline(T0.plus(Duration.ofMinutes(5)), new AcknowledgementDeadline(1));
    }

    @Test
    void theLevelTwoReasonMentionsLevelOne() {
        fixture.givenCurrentTime(T0)
                .andGivenCommands(start())
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                matches((Object payload) ->
                                        payload instanceof EscalationLevelRaisedEvent r
                                                && r.level() == 2 && r.reason().contains("level 1")),
                                andNoMore())));
    }

    @Test
    void everyLevelUnacknowledgedRaisesTheNextThenTheChainIsExhausted() {
        Instant levelTwoAt = T0.plus(Duration.ofMinutes(5));
        Instant levelThreeAt = levelTwoAt.plus(Duration.ofMinutes(10));
        Instant exhaustedAt = levelThreeAt.plus(Duration.ofMinutes(15));
        fixture.givenCurrentTime(T0)
                .andGivenCommands(start())
                .whenTimeAdvancesTo(exhaustedAt)
                .expectTriggeredDeadlines(new AcknowledgementDeadline(1), new AcknowledgementDeadline(2),
                        new AcknowledgementDeadline(3))
                .expectEvents(
                        raised(2, List.of("duty-coordinator"), levelTwoAt, Duration.ofMinutes(10),
                                "level 1 not acknowledged in time"),
                        raised(3, List.of("duty-coordinator", "circc-management"), levelThreeAt,
                                Duration.ofMinutes(15), "level 2 not acknowledged in time"),
                        new EscalationExhaustedEvent(CAMPAIGN, INCIDENT, 3, exhaustedAt));
    }

    @Test
    void aStaleDeadlineOfAnEarlierLevelDoesNothing() {
        // level 1's deadline is scheduled by the start; level 2 is then current (raised before level 1's deadline)
        Instant levelTwoAt = T0.plus(Duration.ofMinutes(2));
        fixture.givenCurrentTime(T0)
                .andGivenCommands(start())
                .andGiven(raised(2, List.of("duty-coordinator"), levelTwoAt, Duration.ofMinutes(10), "severity rose"))
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectTriggeredDeadlines(new AcknowledgementDeadline(1))
                .expectNoEvents()
                .expectNoScheduledDeadline(T0.plus(Duration.ofMinutes(5)).plus(Duration.ofMinutes(10)),
                        new AcknowledgementDeadline(2));
    }

    @Test
    void aDeadlineAfterExhaustionDoesNothing() {
        EscalationPolicy oneLevel = new EscalationPolicy("one-level", 1, 3, List.of(), List.of(
                new EscalationPolicy.Level(1, List.of("csirt-oncall"), Duration.ofMinutes(5))));
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new StartEscalationCommand(CAMPAIGN, INCIDENT, oneLevel, Severity.HIGH,
                        Sector.RAILWAYS, Tlp.GREEN))
                .andGiven(new EscalationExhaustedEvent(CAMPAIGN, INCIDENT, 1, T0.plus(Duration.ofMinutes(1))))
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectTriggeredDeadlines(new AcknowledgementDeadline(1))
                .expectNoEvents();
    }

    @Test
    void aSingleLevelPolicyIsExhaustedAfterItsOnlyDeadline() {
        EscalationPolicy oneLevel = new EscalationPolicy("one-level", 1, 3, List.of(), List.of(
                new EscalationPolicy.Level(1, List.of("csirt-oncall"), Duration.ofMinutes(5))));
        fixture.givenCurrentTime(T0)
                .andGivenCommands(new StartEscalationCommand(CAMPAIGN, INCIDENT, oneLevel, Severity.HIGH,
                        Sector.RAILWAYS, Tlp.GREEN))
                .whenTimeElapses(Duration.ofMinutes(5))
                .expectEvents(new EscalationExhaustedEvent(CAMPAIGN, INCIDENT, 1, T0.plus(Duration.ofMinutes(5))));
    }

    /** A Clock that reads the fixture's simulated time, so "now" in the aggregate is when a deadline fires. */
    private static final class FixtureClock extends Clock {

        private final AggregateTestFixture<?> fixture;

        FixtureClock(AggregateTestFixture<?> fixture) {
            this.fixture = fixture;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the escalation works in UTC");
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }
}
