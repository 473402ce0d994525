package org.circc.escalation.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.circc.contracts.events.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Policy versions: created as 1, each change the next version, a seed never overwrites, the same rules no-op. */
class PolicyVersionsTest {

    private static final Instant AT = Instant.parse("2026-07-24T09:00:00Z");
    private static final Actor COORDINATOR = Actor.principal("coordinator-1", "circc");
    private static final Actor SEEDER = Actor.system("escalation");
    private static final EscalationPolicy RAIL = new EscalationPolicy("rail", 0, 2, List.of("railways"), List.of(
            new EscalationPolicy.Level(1, List.of("rail-east-soc"), Duration.ofMinutes(3))));
    private static final EscalationPolicy RAIL_FASTER = new EscalationPolicy("rail", 0, 2, List.of("railways"), List.of(
            new EscalationPolicy.Level(1, List.of("rail-east-soc"), Duration.ofMinutes(1))));

    private AggregateTestFixture<PolicyVersions> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PolicyVersions.class);
        fixture.registerInjectableResource(Clock.fixed(AT, ZoneOffset.UTC));
    }

    @Test
    void aNewPolicyIsVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new SavePolicyCommand(RAIL, COORDINATOR, false))
                .expectEvents(new EscalationPolicySavedEvent(RAIL.withVersion(1), COORDINATOR, AT))
                .expectResultMessagePayload(PolicySaveOutcome.CREATED);
    }

    @Test
    void changedRulesAreTheNextVersion() {
        fixture.given(new EscalationPolicySavedEvent(RAIL.withVersion(1), COORDINATOR, AT))
                .when(new SavePolicyCommand(RAIL_FASTER, COORDINATOR, false))
                .expectEvents(new EscalationPolicySavedEvent(RAIL_FASTER.withVersion(2), COORDINATOR, AT))
                .expectResultMessagePayload(PolicySaveOutcome.REPLACED);
    }

    @Test
    void theSameRulesAgainChangeNothing() {
        fixture.given(new EscalationPolicySavedEvent(RAIL.withVersion(1), COORDINATOR, AT))
                .when(new SavePolicyCommand(RAIL.withVersion(7), COORDINATOR, false))
                .expectNoEvents()
                .expectResultMessagePayload(PolicySaveOutcome.UNCHANGED);
    }

    @Test
    void aSeedCreatesAMissingPolicy() {
        fixture.givenNoPriorActivity()
                .when(new SavePolicyCommand(RAIL, SEEDER, true))
                .expectEvents(new EscalationPolicySavedEvent(RAIL.withVersion(1), SEEDER, AT));
    }

    @Test
    void aSeedNeverOverwritesASavedVersion() {
        fixture.given(new EscalationPolicySavedEvent(RAIL_FASTER.withVersion(2), COORDINATOR, AT))
                .when(new SavePolicyCommand(RAIL, SEEDER, true))
                .expectNoEvents()
                .expectResultMessagePayload(PolicySaveOutcome.UNCHANGED);
    }
}
