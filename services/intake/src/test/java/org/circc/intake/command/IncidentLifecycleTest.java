package org.circc.intake.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.sharing.IncidentFacts;
import org.circc.contracts.sharing.Viewer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.circc.contracts.events.IncidentStatus.*;

class IncidentLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-07-24T11:00:00.456Z");
    private static final Instant REPORTED_AT = Instant.parse("2026-07-24T10:20:00.123Z");
    private static final Actor REPORTER = Actor.principal("ops@venue-tokyo", "venue-tokyo");
    private static final Viewer OPERATOR = new Viewer("ops@venue-tokyo", "venue-tokyo", false);
    private static final Viewer OTHER_OPERATOR = new Viewer("ops@rail-east", "rail-east", false);
    private static final Viewer COORDINATOR = new Viewer("coordinator-1", "circc", true);
    private static final Viewer RESPONDER = new Viewer("responder-1", "circc", false);
    private static final Actor TRIAGE = Actor.system("triage");

    private final IncidentId id = IncidentId.newId();
    private AggregateTestFixture<Incident> fixture;
    private final Set<String> targetedRedPrincipals = new HashSet<>();
    private final Set<String> amberOrganisationsWithNeedToKnow = new HashSet<>();
    private final NeedToKnow needToKnow = (incident, reporter, tlp, sector) ->
            new IncidentFacts(reporter, tlp, Set.of(), amberOrganisationsWithNeedToKnow, targetedRedPrincipals);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        fixture.registerInjectableResource(needToKnow);
    }

    // --- the principals' actions: every status × every action --------------------------------------------

    static Stream<Arguments> statusesAndActions() {
        return Arrays.stream(IncidentStatus.values()).flatMap(status ->
                Arrays.stream(IncidentAction.values()).map(action -> Arguments.of(status, action)));
    }

    @ParameterizedTest(name = "{1} while {0}")
    @MethodSource("statusesAndActions")
    void eachActionFollowsTheLifecycleOfApiMd(IncidentStatus status, IncidentAction action) {
        var result = fixture.given(history(status)).when(command(action));
        if (action.target() == status) {
            result.expectSuccessfulHandlerExecution().expectNoEvents();
        } else if (action.isAllowedFrom(status)) {
            Object expected = action == IncidentAction.UPDATE
                    ? new IncidentUpdatedEvent(id, "why: update", List.of(), null, actorOf(action), NOW)
                    : new IncidentStatusChangedEvent(id, status, action.target(), "why: " + action, actorOf(action), NOW);
            result.expectSuccessfulHandlerExecution().expectEvents(expected);
        } else {
            result.expectNoEvents()
                    .expectException(IllegalIncidentTransitionException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith("incident " + id + " is " + status + "; "));
        }
    }

    @Test
    void theLifecycleTableIsExactlyApiMds() {
        assertAllowed(IncidentAction.CONTAIN, TRIAGED, ESCALATED, ACKNOWLEDGED);
        assertAllowed(IncidentAction.RESOLVE, TRIAGED, ESCALATED, ACKNOWLEDGED, CONTAINED);
        assertAllowed(IncidentAction.CLOSE, RESOLVED);
        assertAllowed(IncidentAction.WITHDRAW, REPORTED, TRIAGED, ESCALATED);
        assertAllowed(IncidentAction.UPDATE, REPORTED, TRIAGED, ESCALATED, ACKNOWLEDGED, CONTAINED, RESOLVED);
    }

    private static void assertAllowed(IncidentAction action, IncidentStatus... allowed) {
        org.assertj.core.api.Assertions.assertThat(Arrays.stream(IncidentStatus.values()).filter(action::isAllowedFrom))
                .as(action.name()).containsExactly(allowed);
    }

    @Test
    void anUpdateOfAClosedIncidentNamesTheStatusAndWhatIsAllowed() {
        fixture.given(history(CLOSED))
                .when(new UpdateIncidentCommand(id, "more", List.of(), null, OPERATOR))
                .expectException(IllegalIncidentTransitionException.class)
                .expectExceptionMessage("incident " + id + " is CLOSED; updates are allowed while REPORTED, TRIAGED, "
                        + "ESCALATED, ACKNOWLEDGED, CONTAINED, RESOLVED");
    }

    // --- updates -------------------------------------------------------------------------------------------

    @Test
    void anUpdateAddsOnlyNewObservablesAndAChangedImpact() {
        Observable known = Observable.of(ObservableType.IPV4, "203.0.113.7");
        Observable fresh = Observable.of(ObservableType.DOMAIN, "evil.example");
        Impact worse = new Impact(Impact.Functional.HIGH, Impact.Information.INTEGRITY, Impact.Recoverability.EXTENDED);

        fixture.given(history(TRIAGED))
                .when(new UpdateIncidentCommand(id, "spreading", List.of(known, fresh, fresh), worse, OPERATOR))
                .expectEvents(new IncidentUpdatedEvent(id, "spreading", List.of(fresh), worse, REPORTER, NOW));
    }

    @Test
    void anUnchangedImpactIsRecordedAsNoChangeAndObservablesAddedEarlierAreNotAddedAgain() {
        Observable fresh = Observable.of(ObservableType.DOMAIN, "evil.example");
        List<Object> history = new ArrayList<>(history(REPORTED));
        history.add(new IncidentUpdatedEvent(id, "first", List.of(fresh), null, REPORTER, REPORTED_AT));

        fixture.given(history)
                .when(new UpdateIncidentCommand(id, "again", List.of(fresh), IncidentTest.exampleReport().impact(), COORDINATOR))
                .expectEvents(new IncidentUpdatedEvent(id, "again", List.of(), null,
                        Actor.principal("coordinator-1", "circc"), NOW));
    }

    @Test
    void anotherOrganisationMayNotSeeAnAmberIncident() {
        fixture.given(history(REPORTED))
                .when(new UpdateIncidentCommand(id, "note", List.of(), null, OTHER_OPERATOR))
                .expectNoEvents()
                .expectException(IncidentNotVisibleException.class);
    }

    @Test
    void anotherOrganisationSeesAGreenIncidentButMayNotUpdateOrWithdrawIt() {
        List<Object> green = List.of(new IncidentReportedEvent(id, withTlp(Tlp.GREEN), REPORTER, REPORTED_AT));

        fixture.given(green)
                .when(new UpdateIncidentCommand(id, "note", List.of(), null, OTHER_OPERATOR))
                .expectException(IncidentActionForbiddenException.class);
        fixture.given(green)
                .when(new WithdrawIncidentCommand(id, "mine", OTHER_OPERATOR))
                .expectException(IncidentActionForbiddenException.class);
    }

    @Test
    void aCenterResponderMayNotWithdrawAnotherOrganisationsReport() {
        fixture.given(history(REPORTED))
                .when(new WithdrawIncidentCommand(id, "noise", RESPONDER))
                .expectNoEvents()
                .expectException(IncidentActionForbiddenException.class);
    }

    @Test
    void aRedIncidentIsHiddenFromCenterRespondersButNotFromCoordinators() {
        List<Object> red = List.of(new IncidentReportedEvent(id, withTlp(Tlp.RED), REPORTER, REPORTED_AT),
                new IncidentStatusChangedEvent(id, REPORTED, TRIAGED, "scored", TRIAGE, REPORTED_AT));

        fixture.given(red)
                .when(new ContainIncidentCommand(id, "isolated", RESPONDER))
                .expectException(IncidentNotVisibleException.class);
        fixture.given(red)
                .when(new ContainIncidentCommand(id, "isolated", COORDINATOR))
                .expectEvents(new IncidentStatusChangedEvent(id, TRIAGED, CONTAINED, "isolated",
                        Actor.principal("coordinator-1", "circc"), NOW));
    }

    @Test
    void aRedIncidentMayBeContainedByAResponderTargetedAtTheCurrentLevel() {
        targetedRedPrincipals.add("responder-1");

        fixture.given(new IncidentReportedEvent(id, withTlp(Tlp.RED), REPORTER, REPORTED_AT),
                        new IncidentStatusChangedEvent(id, REPORTED, ESCALATED, "level 1 raised", TRIAGE, REPORTED_AT))
                .when(new ContainIncidentCommand(id, "isolated", RESPONDER))
                .expectEvents(new IncidentStatusChangedEvent(id, ESCALATED, CONTAINED, "isolated",
                        Actor.principal("responder-1", "circc"), NOW));
    }

    @Test
    void anAmberIncidentMayBeUpdatedByNoOneOutsideTheReporterAndTheCenterEvenWithANeedToKnow() {
        amberOrganisationsWithNeedToKnow.add("rail-east");

        fixture.given(new IncidentReportedEvent(id, withTlp(Tlp.AMBER), REPORTER, REPORTED_AT))
                .when(new UpdateIncidentCommand(id, "seen it too", List.of(), null, OTHER_OPERATOR))
                .expectNoEvents()
                .expectException(IncidentActionForbiddenException.class);
    }

    @Test
    void visibilityIsCheckedBeforeTheState() {
        fixture.given(history(CLOSED))
                .when(new CloseIncidentCommand(id, "done", OTHER_OPERATOR))
                .expectException(IncidentNotVisibleException.class);
    }

    // --- system-driven moves --------------------------------------------------------------------------------

    static Stream<Arguments> statusesAndMarks() {
        return Arrays.stream(IncidentStatus.values()).flatMap(status ->
                Stream.of(TRIAGED, ESCALATED, ACKNOWLEDGED).map(to -> Arguments.of(status, to)));
    }

    @ParameterizedTest(name = "{1} reported while {0}")
    @MethodSource("statusesAndMarks")
    void systemMovesOnlyGoForwardAndRepeatsAreNoOps(IncidentStatus status, IncidentStatus to) {
        var result = fixture.given(history(status)).when(mark(to));
        boolean forward = status != WITHDRAWN && status.ordinal() < to.ordinal();
        if (forward) {
            result.expectSuccessfulHandlerExecution()
                    .expectEvents(new IncidentStatusChangedEvent(id, status, to, "because " + to, TRIAGE, NOW));
        } else {
            result.expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Test
    void theUsualPathRecordsEveryStep() {
        fixture.given(history(REPORTED))
                .when(mark(TRIAGED))
                .expectEvents(new IncidentStatusChangedEvent(id, REPORTED, TRIAGED, "because TRIAGED", TRIAGE, NOW));
        fixture.given(history(TRIAGED))
                .when(mark(ESCALATED))
                .expectEvents(new IncidentStatusChangedEvent(id, TRIAGED, ESCALATED, "because ESCALATED", TRIAGE, NOW));
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private List<Object> history(IncidentStatus status) {
        List<Object> events = new ArrayList<>();
        events.add(new IncidentReportedEvent(id, IncidentTest.exampleReport(), REPORTER, REPORTED_AT));
        if (status != REPORTED) {
            events.add(new IncidentStatusChangedEvent(id, REPORTED, status, "set up", TRIAGE, REPORTED_AT));
        }
        return events;
    }

    private Object command(IncidentAction action) {
        String why = "why: " + action;
        return switch (action) {
            case UPDATE -> new UpdateIncidentCommand(id, "why: update", List.of(), null, OPERATOR);
            case CONTAIN -> new ContainIncidentCommand(id, why, RESPONDER);
            case RESOLVE -> new ResolveIncidentCommand(id, why, RESPONDER);
            case CLOSE -> new CloseIncidentCommand(id, why, COORDINATOR);
            case WITHDRAW -> new WithdrawIncidentCommand(id, why, OPERATOR);
        };
    }

    private static Actor actorOf(IncidentAction action) {
        Viewer viewer = switch (action) {
            case UPDATE, WITHDRAW -> OPERATOR;
            case CONTAIN, RESOLVE -> RESPONDER;
            case CLOSE -> COORDINATOR;
        };
        return Actor.principal(viewer.principal(), viewer.organisation());
    }

    private Object mark(IncidentStatus to) {
        String reason = "because " + to;
        return switch (to) {
            case TRIAGED -> new MarkIncidentTriagedCommand(id, reason, TRIAGE);
            case ESCALATED -> new MarkIncidentEscalatedCommand(id, reason, TRIAGE);
            case ACKNOWLEDGED -> new MarkIncidentAcknowledgedCommand(id, reason, TRIAGE);
            default -> throw new IllegalArgumentException(to.name());
        };
    }

    private static IncidentReport withTlp(Tlp tlp) {
        IncidentReport r = IncidentTest.exampleReport();
        return new IncidentReport(r.title(), r.description(), r.category(), r.sector(), tlp, r.impact(),
                r.affectedAssets(), r.observables(), r.detectedAt());
    }
}
