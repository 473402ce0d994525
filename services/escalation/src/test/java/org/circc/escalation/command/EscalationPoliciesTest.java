package org.circc.escalation.command;

import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** api.md "Which policy": applicability, then precedence among the applicable ones. */
class EscalationPoliciesTest {

    private static EscalationPolicy policy(String id, int minSeverity, String... sectors) {
        return new EscalationPolicy(id, 1, minSeverity, List.of(sectors), List.of(
                new EscalationPolicy.Level(1, List.of("csirt-oncall"), Duration.ofMinutes(5))));
    }

    private static Optional<String> chosen(EscalationPolicies policies, Severity severity, Sector... sectors) {
        return policies.choose(severity, Set.of(sectors)).map(EscalationPolicy::id);
    }

    @Test
    void aPolicyNamingOneOfTheCampaignsSectorsBeatsOneNamingNone() {
        EscalationPolicies policies = new EscalationPolicies(List.of(
                policy("a-default", 3),
                policy("z-rail", 3, "railways")));

        assertThat(chosen(policies, Severity.HIGH, Sector.RAILWAYS)).contains("z-rail");
    }

    @Test
    void aPolicyNamingASectorBeatsASectorlessOneEvenWithALowerMinimum() {
        EscalationPolicies policies = new EscalationPolicies(List.of(
                policy("default", 4),
                policy("rail", 2, "railways")));

        assertThat(chosen(policies, Severity.SEVERE, Sector.RAILWAYS)).contains("rail");
    }

    @Test
    void amongPoliciesNamingASectorTheHigherMinimumWins() {
        EscalationPolicies policies = new EscalationPolicies(List.of(
                policy("rail-low", 2, "railways"),
                policy("rail-high", 4, "railways"),
                policy("power", 3, "electric-power")));

        assertThat(chosen(policies, Severity.SEVERE, Sector.RAILWAYS, Sector.ELECTRIC_POWER)).contains("rail-high");
    }

    @Test
    void amongSectorlessPoliciesTheHigherMinimumWins() {
        EscalationPolicies policies = new EscalationPolicies(List.of(
                policy("a-broad", 1),
                policy("z-serious", 4)));

        assertThat(chosen(policies, Severity.EMERGENCY, Sector.FINANCE)).contains("z-serious");
        assertThat(chosen(policies, Severity.MEDIUM, Sector.FINANCE))
                .as("the higher minimum is not reached, so only the broad one applies")
                .contains("a-broad");
    }

    @Test
    void thenTheSmallerIdWins() {
        EscalationPolicies policies = new EscalationPolicies(List.of(
                policy("rail-b", 3, "railways"),
                policy("rail-a", 3, "railways"),
                policy("rail-c", 3, "railways")));

        assertThat(chosen(policies, Severity.HIGH, Sector.RAILWAYS)).contains("rail-a");
    }

    @Test
    void aPolicyAppliesOnlyOnceTheSeverityReachesItsMinimum() {
        EscalationPolicies policies = new EscalationPolicies(List.of(policy("default", 3)));

        assertThat(chosen(policies, Severity.MEDIUM, Sector.GAMES_TICKETING)).isEmpty();
        assertThat(chosen(policies, Severity.HIGH, Sector.GAMES_TICKETING)).contains("default");
        assertThat(chosen(policies, Severity.EMERGENCY, Sector.GAMES_TICKETING)).contains("default");
    }

    @Test
    void aPolicyNamingSectorsAppliesOnlyToCampaignsInOneOfThem() {
        EscalationPolicy rail = policy("rail", 2, "railways", "airports");

        assertThat(rail.appliesTo(Severity.HIGH, Set.of(Sector.RAILWAYS))).isTrue();
        assertThat(rail.appliesTo(Severity.HIGH, Set.of(Sector.FINANCE, Sector.AIRPORTS))).isTrue();
        assertThat(rail.appliesTo(Severity.HIGH, Set.of(Sector.FINANCE))).isFalse();
        assertThat(rail.appliesTo(Severity.LOW, Set.of(Sector.RAILWAYS))).isFalse();
        assertThat(policy("default", 3).appliesTo(Severity.HIGH, Set.of(Sector.WATER))).isTrue();
    }

    @Test
    void aSectorPolicyThatDoesNotApplyLeavesTheSectorlessOne() {
        EscalationPolicies policies = new EscalationPolicies(List.of(
                policy("default", 3),
                policy("rail", 2, "railways"),
                policy("rail-emergency", 5, "railways")));

        assertThat(chosen(policies, Severity.HIGH, Sector.GAMES_TICKETING)).contains("default");
        assertThat(chosen(policies, Severity.HIGH, Sector.RAILWAYS)).contains("rail");
        assertThat(chosen(policies, Severity.EMERGENCY, Sector.RAILWAYS)).contains("rail-emergency");
        assertThat(chosen(policies, Severity.LOW, Sector.RAILWAYS)).isEmpty();
    }

    @Test
    void noApplicablePolicyChoosesNone() {
        assertThat(chosen(new EscalationPolicies(List.of(policy("rail", 3, "railways"), policy("default", 4))),
                Severity.HIGH, Sector.FINANCE)).isEmpty();
        assertThat(chosen(new EscalationPolicies(List.of()), Severity.EMERGENCY, Sector.FINANCE)).isEmpty();
    }

    @Test
    void levelsAreLookedUpByNumberAndTheLastIsKnown() {
        EscalationPolicy policy = new EscalationPolicy("default", 1, 3, List.of(), List.of(
                new EscalationPolicy.Level(1, List.of("csirt-oncall"), Duration.ofMinutes(5)),
                new EscalationPolicy.Level(2, List.of("duty-coordinator"), Duration.ofMinutes(10))));

        assertThat(policy.level(1).targets()).containsExactly("csirt-oncall");
        assertThat(policy.level(2).ackWithin()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.isLastLevel(1)).isFalse();
        assertThat(policy.isLastLevel(2)).isTrue();
    }

    @Test
    void aPolicyWithoutLevelsIsRejected() {
        assertThatThrownBy(() -> new EscalationPolicy("empty", 1, 3, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
