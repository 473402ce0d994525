package org.circc.escalation.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.sharing.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain of one campaign: level 1 at once, the next level when a level's deadline passes unacknowledged,
 * exhaustion and reminders after the last, jumps, acknowledgement, end and merges. The aggregate's Clock reads the
 * fixture's simulated time, which starts at {@link #T0} and moves only when the test advances it, so the
 * StubDeadlineManager and the times in the events agree.
 */
class EscalationTest {

    static final Instant T0 = Instant.parse("2026-07-24T10:20:00Z");
    static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    static final CampaignId OTHER_CAMPAIGN = CampaignId.of("5d7e9f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a");
    static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    static final IncidentId LATE_REPORT = IncidentId.of("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
    static final Duration FIVE = Duration.ofMinutes(5);
    static final Duration TEN = Duration.ofMinutes(10);
    static final Duration FIFTEEN = Duration.ofMinutes(15);

    /** api.md's seeded {@code default} policy. */
    static final EscalationPolicy DEFAULT = new EscalationPolicy("default", 1, 3, List.of(), List.of(
            new EscalationPolicy.Level(1, List.of("csirt-oncall", "responder-1"), FIVE),
            new EscalationPolicy.Level(2, List.of("duty-coordinator"), TEN),
            new EscalationPolicy.Level(3, List.of("duty-coordinator", "circc-management"), FIFTEEN)));

    /** The default policy whose last level is raised at once for an Emergency. */
    static final EscalationPolicy WITH_JUMP = new EscalationPolicy("jump", 2, 3, List.of(), List.of(
            DEFAULT.level(1), DEFAULT.level(2),
            new EscalationPolicy.Level(3, List.of("duty-coordinator", "circc-management"), FIFTEEN, 5)));

    static final IncidentSharing AMBER_TICKETING = new IncidentSharing("venue-tokyo", Tlp.AMBER, Sector.GAMES_TICKETING);
    static final IncidentSharing RED_TICKETING = new IncidentSharing("venue-tokyo", Tlp.RED, Sector.GAMES_TICKETING);

    static final Viewer RESPONDER = new Viewer("responder-1", "circc", false);
    static final Viewer COORDINATOR = new Viewer("coordinator-1", "circc", true);
    static final Viewer RAIL_OPERATOR = new Viewer("ops@rail-east", "rail-east", false);

    private AggregateTestFixture<Escalation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Escalation.class);
        fixture.registerInjectableResource(new FixtureClock(fixture));
        fixture.registerInjectableResource(new SeededDirectory());
    }

    static StartEscalationCommand start(EscalationPolicy policy, Severity severity) {
        return new StartEscalationCommand(CAMPAIGN, INCIDENT, policy, severity, Sector.GAMES_TICKETING, Tlp.AMBER);
    }

    static StartEscalationCommand start() {
        return start(DEFAULT, Severity.HIGH);
    }

    static EscalationStartedEvent started() {
        return new EscalationStartedEvent(CAMPAIGN, INCIDENT, DEFAULT, Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER,
                T0);
    }

    static EscalationLevelRaisedEvent raised(int level, Instant raisedAt, String reason) {
        return raised(level, raisedAt, reason, Severity.HIGH);
    }

    static EscalationLevelRaisedEvent raised(int level, Instant raisedAt, String reason, Severity severity) {
        EscalationPolicy.Level definition = DEFAULT.level(level);
        return new EscalationLevelRaisedEvent(CAMPAIGN, INCIDENT, level, definition.targets(),
                raisedAt.plus(definition.ackWithin()), severity, Sector.GAMES_TICKETING, Tlp.AMBER, reason, raisedAt);
    }

    static EscalationLevelRaisedEvent levelOne() {
        return raised(1, T0, "severity High reached policy default");
    }

    static AcknowledgeEscalationCommand acknowledge(Viewer viewer, IncidentSharing incident) {
        return new AcknowledgeEscalationCommand(CAMPAIGN, INCIDENT, incident, viewer,
                Actor.principal(viewer.principal(), viewer.organisation()), "on it");
    }

    static EscalationAcknowledgedEvent acknowledged(Viewer viewer, int level, Instant at) {
        return new EscalationAcknowledgedEvent(CAMPAIGN, INCIDENT, level, "on it",
                Actor.principal(viewer.principal(), viewer.organisation()), Severity.HIGH, T0, at);
    }

    static EscalationRemindedEvent reminded(Instant at) {
        return new EscalationRemindedEvent(CAMPAIGN, INCIDENT, 3, List.of("duty-coordinator", "circc-management"),
                at.plus(FIFTEEN), Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER, at);
    }

    @Nested
    class Starting {

        @Test
        void aNewCampaignRaisesLevelOneAndSchedulesItsDeadline() {
            fixture.givenCurrentTime(T0)
                    .when(start())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(started(), levelOne())
                    .expectScheduledDeadline(T0.plus(FIVE), new AcknowledgementDeadline(1, T0.plus(FIVE)));
        }

        @Test
        void aSecondStartOfTheSameCampaignIsANoOpAndSchedulesNoSecondDeadline() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .when(start())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectScheduledDeadline(T0.plus(FIVE), new AcknowledgementDeadline(1, T0.plus(FIVE)));
            assertThat(fixture.getEventStore().readEvents(CAMPAIGN.toString()).asStream().count()).isEqualTo(2);
        }

        @Test
        void aStartAtTheSeverityOfALaterLevelRaisesThatLevelAtOnceAndTellsNoSkippedTarget() {
            fixture.givenCurrentTime(T0)
                    .when(start(WITH_JUMP, Severity.EMERGENCY))
                    .expectEvents(
                            new EscalationStartedEvent(CAMPAIGN, INCIDENT, WITH_JUMP, Severity.EMERGENCY,
                                    Sector.GAMES_TICKETING, Tlp.AMBER, T0),
                            raised(3, T0, "severity Emergency reached policy jump", Severity.EMERGENCY))
                    .expectScheduledDeadline(T0.plus(FIFTEEN), new AcknowledgementDeadline(3, T0.plus(FIFTEEN)));
        }
    }

    @Nested
    class ReEscalation {

        @Test
        void nothingHappensBeforeTheDeadline() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .whenTimeElapses(FIVE.minusSeconds(1))
                    .expectNoEvents()
                    .expectTriggeredDeadlines();
        }

        @Test
        void levelOneUnacknowledgedForItsAckWithinRaisesLevelTwo() {
            Instant levelTwoAt = T0.plus(FIVE);
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .whenTimeElapses(FIVE)
                    .expectTriggeredDeadlines(new AcknowledgementDeadline(1, levelTwoAt))
                    .expectEvents(raised(2, levelTwoAt, "level 1 not acknowledged in time"))
                    .expectScheduledDeadline(levelTwoAt.plus(TEN), new AcknowledgementDeadline(2, levelTwoAt.plus(TEN)));
        }

        @Test
        void levelTwoUnacknowledgedForItsAckWithinRaisesLevelThree() {
            Instant levelTwoAt = T0.plus(FIVE);
            Instant levelThreeAt = levelTwoAt.plus(TEN);
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .whenTimeAdvancesTo(levelThreeAt)
                    .expectTriggeredDeadlines(new AcknowledgementDeadline(1, levelTwoAt),
                            new AcknowledgementDeadline(2, levelThreeAt))
                    .expectEvents(raised(2, levelTwoAt, "level 1 not acknowledged in time"),
                            raised(3, levelThreeAt, "level 2 not acknowledged in time"))
                    .expectScheduledDeadline(levelThreeAt.plus(FIFTEEN),
                            new AcknowledgementDeadline(3, levelThreeAt.plus(FIFTEEN)));
        }

        @Test
        void afterTheLastLevelTheChainIsExhaustedAndTheLastLevelIsRemindedEveryAckWithin() {
            Instant levelTwoAt = T0.plus(FIVE);
            Instant levelThreeAt = levelTwoAt.plus(TEN);
            Instant exhaustedAt = levelThreeAt.plus(FIFTEEN);
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .whenTimeAdvancesTo(exhaustedAt.plus(FIFTEEN).plus(FIFTEEN))
                    .expectEvents(
                            raised(2, levelTwoAt, "level 1 not acknowledged in time"),
                            raised(3, levelThreeAt, "level 2 not acknowledged in time"),
                            new EscalationExhaustedEvent(CAMPAIGN, INCIDENT, 3, exhaustedAt),
                            reminded(exhaustedAt),
                            reminded(exhaustedAt.plus(FIFTEEN)),
                            reminded(exhaustedAt.plus(FIFTEEN).plus(FIFTEEN)))
                    .expectScheduledDeadline(exhaustedAt.plus(Duration.ofMinutes(45)),
                            new AcknowledgementDeadline(3, exhaustedAt.plus(Duration.ofMinutes(45))));
        }

        @Test
        void aSingleLevelPolicyIsExhaustedAfterItsOnlyDeadline() {
            EscalationPolicy oneLevel = new EscalationPolicy("one-level", 1, 3, List.of(), List.of(DEFAULT.level(1)));
            Instant exhaustedAt = T0.plus(FIVE);
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(oneLevel, Severity.HIGH))
                    .whenTimeElapses(FIVE)
                    .expectEvents(new EscalationExhaustedEvent(CAMPAIGN, INCIDENT, 1, exhaustedAt),
                            new EscalationRemindedEvent(CAMPAIGN, INCIDENT, 1, List.of("csirt-oncall", "responder-1"),
                                    exhaustedAt.plus(FIVE), Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER,
                                    exhaustedAt));
        }
    }

    @Nested
    class Acknowledging {

        @Test
        void aTargetOfTheCurrentLevelAcknowledgesBeforeTheDeadline() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .when(acknowledge(RESPONDER, AMBER_TICKETING))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(acknowledged(RESPONDER, 1, T0));
        }

        @Test
        void theDeadlineAfterAnAcknowledgementRaisesNothing() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(), acknowledge(RESPONDER, AMBER_TICKETING))
                    .whenTimeElapses(Duration.ofHours(2))
                    .expectTriggeredDeadlines(new AcknowledgementDeadline(1, T0.plus(FIVE)))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aSecondAcknowledgementIsANoOp() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(), acknowledge(RESPONDER, AMBER_TICKETING))
                    .when(acknowledge(COORDINATOR, AMBER_TICKETING))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void repeatedAcknowledgementsStoreOneAndNoDeadlineRaisesAfterThem() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(), acknowledge(RESPONDER, AMBER_TICKETING),
                            acknowledge(COORDINATOR, AMBER_TICKETING), acknowledge(RESPONDER, AMBER_TICKETING))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectNoEvents();
            assertThat(fixture.getEventStore().readEvents(CAMPAIGN.toString()).asStream()
                    .filter(event -> event.getPayload() instanceof EscalationAcknowledgedEvent).count()).isEqualTo(1);
        }

        @Test
        void aRefusedAcknowledgementLeavesTheDeadlineInForce() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .when(acknowledge(RAIL_OPERATOR, new IncidentSharing("venue-tokyo", Tlp.AMBER, Sector.RAILWAYS)))
                    .expectException(AcknowledgementForbiddenException.class)
                    .expectNoEvents()
                    .expectScheduledDeadline(T0.plus(FIVE), new AcknowledgementDeadline(1, T0.plus(FIVE)));
        }

        @Test
        void aCoordinatorAcknowledgesAtAnyLevel() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(), levelOne(), raised(2, T0.plus(FIVE), "level 1 not acknowledged in time"))
                    .when(acknowledge(COORDINATOR, RED_TICKETING))
                    .expectEvents(acknowledged(COORDINATOR, 2, T0));
        }

        @Test
        void aResponderOfTheCenterNotTargetedAtTheCurrentLevelIsForbidden() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(), levelOne(), raised(2, T0.plus(FIVE), "level 1 not acknowledged in time"))
                    .when(acknowledge(RESPONDER, AMBER_TICKETING))
                    .expectException(AcknowledgementForbiddenException.class)
                    .expectNoEvents();
        }

        @Test
        void aRedIncidentIsInvisibleToAPersonNoLongerTargeted() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(), levelOne(), raised(2, T0.plus(FIVE), "level 1 not acknowledged in time"))
                    .when(acknowledge(RESPONDER, RED_TICKETING))
                    .expectException(IncidentNotVisibleException.class)
                    .expectNoEvents();
        }

        @Test
        void aPersonTargetedAtTheCurrentLevelAcknowledgesARedIncident() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .when(acknowledge(RESPONDER, RED_TICKETING))
                    .expectEvents(acknowledged(RESPONDER, 1, T0));
        }

        @Test
        void anAmberStrictIncidentIsInvisibleOutsideTheCenterAndTheReporter() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .when(acknowledge(RAIL_OPERATOR, new IncidentSharing("venue-tokyo", Tlp.AMBER_STRICT,
                            Sector.GAMES_TICKETING)))
                    .expectException(IncidentNotVisibleException.class);
        }

        @Test
        void aSubscriberOrganisationSeesAnAmberIncidentOfItsSectorButIsNotTargeted() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .when(acknowledge(RAIL_OPERATOR, new IncidentSharing("venue-tokyo", Tlp.AMBER, Sector.RAILWAYS)))
                    .expectException(AcknowledgementForbiddenException.class);
        }

        @Test
        void anAmberIncidentIsInvisibleToAnOrganisationWithoutANeedToKnow() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .when(acknowledge(RAIL_OPERATOR, AMBER_TICKETING))
                    .expectException(IncidentNotVisibleException.class);
        }

        @Test
        void anExhaustedChainIsAcknowledgedAtItsLastLevel() {
            Instant exhaustedAt = T0.plus(Duration.ofMinutes(30));
            fixture.givenCurrentTime(exhaustedAt)
                    .andGiven(started(), levelOne(), raised(2, T0.plus(FIVE), "level 1 not acknowledged in time"),
                            raised(3, T0.plus(FIVE).plus(TEN), "level 2 not acknowledged in time"),
                            new EscalationExhaustedEvent(CAMPAIGN, INCIDENT, 3, exhaustedAt), reminded(exhaustedAt))
                    .when(acknowledge(COORDINATOR, AMBER_TICKETING))
                    .expectEvents(acknowledged(COORDINATOR, 3, exhaustedAt));
        }

        @Test
        void anAcknowledgedExhaustedChainRemindsNoMore() {
            // a one-level chain exhausted at once, whose next reminder is the deadline its start scheduled
            EscalationPolicy oneLevel = new EscalationPolicy("one-level", 1, 3, List.of(), List.of(DEFAULT.level(1)));
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(oneLevel, Severity.HIGH))
                    .andGiven(new EscalationExhaustedEvent(CAMPAIGN, INCIDENT, 1, T0),
                            new EscalationRemindedEvent(CAMPAIGN, INCIDENT, 1, List.of("csirt-oncall"), T0.plus(FIVE),
                                    Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER, T0))
                    .andGivenCommands(acknowledge(COORDINATOR, AMBER_TICKETING))
                    .whenTimeElapses(FIVE)
                    .expectTriggeredDeadlines(new AcknowledgementDeadline(1, T0.plus(FIVE)))
                    .expectNoEvents();
        }

        @Test
        void anEndedChainCannotBeAcknowledged() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(), levelOne(), new EscalationEndedEvent(CAMPAIGN, INCIDENT, "resolved", null, T0))
                    .when(acknowledge(COORDINATOR, AMBER_TICKETING))
                    .expectException(EscalationNotRunningException.class);
        }
    }

    @Nested
    class SeverityChanges {

        @Test
        void aRiseToALevelsMinimumRaisesThatLevelAtOnce() {
            Instant riseAt = T0;
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(WITH_JUMP, Severity.HIGH))
                    .when(new ChangeEscalationSeverityCommand(CAMPAIGN, LATE_REPORT, Severity.EMERGENCY, Tlp.RED))
                    .expectEvents(
                            new EscalationSeverityChangedEvent(CAMPAIGN, LATE_REPORT, Severity.EMERGENCY, Tlp.RED, riseAt),
                            new EscalationLevelRaisedEvent(CAMPAIGN, LATE_REPORT, 3,
                                    List.of("duty-coordinator", "circc-management"), riseAt.plus(FIFTEEN),
                                    Severity.EMERGENCY, Sector.GAMES_TICKETING, Tlp.RED,
                                    "severity Emergency reached level 3", riseAt))
                    .expectScheduledDeadline(riseAt.plus(FIFTEEN), new AcknowledgementDeadline(3, riseAt.plus(FIFTEEN)));
        }

        @Test
        void theDeadlineOfALevelSkippedByAJumpRaisesNothing() {
            Instant riseAt = T0.plus(Duration.ofMinutes(2));
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(WITH_JUMP, Severity.HIGH))
                    .andGiven(new EscalationSeverityChangedEvent(CAMPAIGN, INCIDENT, Severity.EMERGENCY, Tlp.AMBER,
                                    riseAt),
                            new EscalationLevelRaisedEvent(CAMPAIGN, INCIDENT, 3,
                                    List.of("duty-coordinator", "circc-management"), riseAt.plus(FIFTEEN),
                                    Severity.EMERGENCY, Sector.GAMES_TICKETING, Tlp.AMBER, "jump", riseAt))
                    .whenTimeElapses(FIVE)
                    .expectTriggeredDeadlines(new AcknowledgementDeadline(1, T0.plus(FIVE)))
                    .expectNoEvents();
        }

        @Test
        void aRiseBelowEveryLevelsMinimumOnlyRecordsTheSeverity() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(WITH_JUMP, Severity.HIGH))
                    .when(new ChangeEscalationSeverityCommand(CAMPAIGN, INCIDENT, Severity.SEVERE, Tlp.AMBER))
                    .expectEvents(new EscalationSeverityChangedEvent(CAMPAIGN, INCIDENT, Severity.SEVERE, Tlp.AMBER, T0));
        }

        @Test
        void aRiseAfterAcknowledgementRaisesNoLevel() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(WITH_JUMP, Severity.HIGH), acknowledge(RESPONDER, AMBER_TICKETING))
                    .when(new ChangeEscalationSeverityCommand(CAMPAIGN, LATE_REPORT, Severity.EMERGENCY, Tlp.AMBER))
                    .expectEvents(new EscalationSeverityChangedEvent(CAMPAIGN, LATE_REPORT, Severity.EMERGENCY,
                            Tlp.AMBER, T0));
        }

        @Test
        void theSameSeverityAndLabelAgainChangeNothing() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .when(new ChangeEscalationSeverityCommand(CAMPAIGN, LATE_REPORT, Severity.HIGH, Tlp.AMBER))
                    .expectNoEvents();
        }
    }

    @Nested
    class Ending {

        @Test
        void resolvingEveryMemberMidChainEndsItAndNoDeadlineRaisesAnything() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(), new EndEscalationCommand(CAMPAIGN, "every member resolved"))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectTriggeredDeadlines(new AcknowledgementDeadline(1, T0.plus(FIVE)))
                    .expectNoEvents();
        }

        @Test
        void endingRecordsTheReasonOnce() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .when(new EndEscalationCommand(CAMPAIGN, "every member resolved"))
                    .expectEvents(new EscalationEndedEvent(CAMPAIGN, INCIDENT, "every member resolved", null, T0));
        }

        @Test
        void aDeadlineOfAnotherLevelDueAtTheSameInstantRaisesNothing() {
            // level 2 raised by hand with level 1's due instant: only the level tells the two deadlines apart
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .andGiven(new EscalationLevelRaisedEvent(CAMPAIGN, INCIDENT, 2, List.of("duty-coordinator"),
                            T0.plus(FIVE), Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER, "jump", T0))
                    .whenTimeElapses(FIVE)
                    .expectTriggeredDeadlines(new AcknowledgementDeadline(1, T0.plus(FIVE)))
                    .expectNoEvents();
        }

        @Test
        void endingAnEndedChainIsANoOp() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(), levelOne(), new EscalationEndedEvent(CAMPAIGN, INCIDENT, "resolved", null, T0))
                    .when(new EndEscalationCommand(CAMPAIGN, "resolved again"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Merging {

        private static final EscalationChain.Acknowledgement BY_OPS = new EscalationChain.Acknowledgement(
                Actor.principal("ops@rail-east", "rail-east"), "on it", T0.minus(Duration.ofMinutes(1)));

        private EscalationChain chainAt(int level, boolean acknowledged, Instant nextDeadline) {
            return chainAt(DEFAULT, Severity.SEVERE, level, acknowledged, nextDeadline);
        }

        private EscalationChain chainAt(EscalationPolicy policy, Severity severity, int level, boolean acknowledged,
                                        Instant nextDeadline) {
            return new EscalationChain(policy, LATE_REPORT, severity, Sector.RAILWAYS, Tlp.GREEN, level,
                    Set.of("csirt-oncall", "responder-1", "duty-coordinator"),
                    nextDeadline == null ? T0.minus(FIVE) : nextDeadline, nextDeadline,
                    acknowledged ? BY_OPS : null, false, T0.minus(Duration.ofMinutes(20)));
        }

        @Test
        void theMergedAwayChainEndsAndHandsOverWhereItStood() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start())
                    .when(new HandOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN))
                    .expectEvents(new EscalationEndedEvent(CAMPAIGN, INCIDENT, "campaign merged into " + OTHER_CAMPAIGN,
                            OTHER_CAMPAIGN, T0))
                    .expectResultMessagePayload(new EscalationChain(DEFAULT, INCIDENT, Severity.HIGH,
                            Sector.GAMES_TICKETING, Tlp.AMBER, 1, Set.of("csirt-oncall", "responder-1"), T0.plus(FIVE),
                            T0.plus(FIVE), null, false, T0));
        }

        @Test
        void aSurvivorWithoutAChainAdoptsTheMergedOneAndItsDeadline() {
            EscalationChain adopted = chainAt(2, false, T0.plus(Duration.ofMinutes(3)));
            fixture.givenCurrentTime(T0)
                    .when(new TakeOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN, adopted, null, null))
                    .expectEvents(new EscalationTakenOverEvent(CAMPAIGN, OTHER_CAMPAIGN, adopted, false, T0))
                    .expectResultMessagePayload(CAMPAIGN)
                    .expectScheduledDeadline(T0.plus(Duration.ofMinutes(3)),
                            new AcknowledgementDeadline(2, T0.plus(Duration.ofMinutes(3))));
        }

        @Test
        void anAdoptedChainGoesOnWhereItStood() {
            Instant due = T0.plus(Duration.ofMinutes(3));
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(new TakeOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN, chainAt(2, false, due), null,
                            null))
                    .whenTimeAdvancesTo(due)
                    .expectEvents(new EscalationLevelRaisedEvent(CAMPAIGN, LATE_REPORT, 3,
                            List.of("duty-coordinator", "circc-management"), due.plus(FIFTEEN), Severity.SEVERE,
                            Sector.RAILWAYS, Tlp.GREEN, "level 2 not acknowledged in time", due));
        }

        @Test
        void aMoreAdvancedChainReplacesTheSurvivorsAndTheSurvivorsOwnDeadlineDoesNothing() {
            Instant due = T0.plus(Duration.ofMinutes(8));
            EscalationChain adopted = chainAt(2, false, due);
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(), new TakeOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN, adopted, null, null))
                    .whenTimeElapses(FIVE)
                    .expectTriggeredDeadlines(new AcknowledgementDeadline(1, T0.plus(FIVE)))
                    .expectNoEvents();
        }

        @Test
        void anAcknowledgedChainBeatsAHigherUnacknowledgedOne() {
            EscalationChain acknowledgedAtOne = chainAt(1, true, null);
            fixture.givenCurrentTime(T0)
                    .andGiven(started(), levelOne(), raised(2, T0, "level 1 not acknowledged in time"))
                    .when(new TakeOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN, acknowledgedAtOne, null, null))
                    // the survivor's higher severity and more restrictive label stay; the targets are both chains'
                    .expectEvents(new EscalationTakenOverEvent(CAMPAIGN, OTHER_CAMPAIGN,
                            acknowledgedAtOne.joinedWith(Severity.HIGH, Tlp.AMBER, Set.of()), true, T0))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void theSurvivorKeepsItsChainWhenItIsAsAdvanced() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(), levelOne(), raised(2, T0, "level 1 not acknowledged in time"))
                    .when(new TakeOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN, chainAt(2, false, T0.plus(TEN)), null,
                            null))
                    .expectNoEvents();
        }

        @Test
        void anAcknowledgedSurvivorKeepsItsChain() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(), levelOne(), acknowledged(RESPONDER, 1, T0))
                    .when(new TakeOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN, chainAt(3, false, T0.plus(TEN)), null,
                            null))
                    .expectNoEvents();
        }

        @Test
        void adoptingKeepsTheHigherSeverityTheMoreRestrictiveLabelAndEveryTargetSoFar() {
            EscalationChain lower = new EscalationChain(DEFAULT, LATE_REPORT, Severity.MEDIUM, Sector.RAILWAYS,
                    Tlp.GREEN, 2, Set.of("duty-coordinator"), T0.plus(TEN), T0.plus(TEN), null, false,
                    T0.minus(FIVE));
            EscalationChain joined = new EscalationChain(DEFAULT, LATE_REPORT, Severity.HIGH, Sector.RAILWAYS,
                    Tlp.AMBER, 2, Set.of("csirt-oncall", "responder-1", "duty-coordinator"), T0.plus(TEN),
                    T0.plus(TEN), null, false, T0.minus(FIVE));
            fixture.givenCurrentTime(T0)
                    .andGiven(started(), levelOne())
                    .when(new TakeOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN, lower, null, null))
                    .expectEvents(new EscalationTakenOverEvent(CAMPAIGN, OTHER_CAMPAIGN, joined, true, T0));
        }

        @Test
        void aSurvivorsSeverityThatReachesALaterLevelOfTheAdoptedChainRaisesIt() {
            EscalationChain adopted = chainAt(WITH_JUMP, Severity.HIGH, 2, false, T0.plus(TEN));
            EscalationChain joined = adopted.joinedWith(Severity.EMERGENCY, Tlp.RED, Set.of());
            fixture.givenCurrentTime(T0)
                    .when(new TakeOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN, adopted, Severity.EMERGENCY, Tlp.RED))
                    .expectEvents(new EscalationTakenOverEvent(CAMPAIGN, OTHER_CAMPAIGN, joined, false, T0),
                            new EscalationLevelRaisedEvent(CAMPAIGN, LATE_REPORT, 3,
                                    List.of("duty-coordinator", "circc-management"), T0.plus(FIFTEEN),
                                    Severity.EMERGENCY, Sector.RAILWAYS, Tlp.RED, "severity Emergency reached level 3",
                                    T0));
        }

        @Test
        void aChainThatMergedAwayIsNeverRevivedAndPointsAtItsSurvivor() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(), new HandOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN))
                    .when(new TakeOverEscalationCommand(CAMPAIGN, CampaignId.newId(), chainAt(3, true, null), null,
                            null))
                    .expectNoEvents()
                    .expectResultMessagePayload(OTHER_CAMPAIGN);
        }

        @Test
        void acknowledgingAChainThatMergedAwayNamesTheSurvivor() {
            fixture.givenCurrentTime(T0)
                    .andGivenCommands(start(), new HandOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN))
                    .when(acknowledge(COORDINATOR, AMBER_TICKETING))
                    .expectException(EscalationMergedException.class)
                    .expectNoEvents();
        }

        @Test
        void anEndedChainHandsOverNothing() {
            fixture.givenCurrentTime(T0)
                    .andGiven(started(), levelOne(), new EscalationEndedEvent(CAMPAIGN, INCIDENT, "resolved", null, T0))
                    .when(new HandOverEscalationCommand(CAMPAIGN, OTHER_CAMPAIGN))
                    .expectNoEvents()
                    .expectResultMessagePayload(null);
        }
    }

    /** A Clock that reads the fixture's simulated time, so "now" in the aggregate is when a deadline fires. */
    static final class FixtureClock extends Clock {

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
