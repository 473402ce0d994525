package org.circc.notification.command;

import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product brief's TLP table for notifications: every label × every kind of recipient, each cleared for RED so
 * only the table decides; then the clearance cap for every label × every clearance.
 */
class DisclosureRuleTest {

    private static final String REPORTER = "venue-tokyo";

    /** A kind of recipient: what it is, whose it is, and why it is told. */
    private record Kind(String name, StakeholderKind kind, String organisation, Recipient.Reason reason) {

        Recipient clearedFor(Tlp clearance) {
            return new Recipient(kind, organisation, clearance, reason);
        }
    }

    private static final Kind CENTER_PERSON_TARGET = new Kind("center person, target", StakeholderKind.person, "circc",
            Recipient.Reason.CURRENT_LEVEL_TARGET);
    private static final Kind CENTER_PERSON_SUBSCRIBER = new Kind("center person, subscriber", StakeholderKind.person,
            "circc", Recipient.Reason.SUBSCRIBER);
    private static final Kind CENTER_TEAM_TARGET = new Kind("center team, target", StakeholderKind.team, "circc",
            Recipient.Reason.CURRENT_LEVEL_TARGET);
    private static final Kind REPORTER_PERSON_SUBSCRIBER = new Kind("reporter's person, subscriber",
            StakeholderKind.person, REPORTER, Recipient.Reason.SUBSCRIBER);
    private static final Kind REPORTER_ORGANISATION = new Kind("reporter's organisation, subscriber",
            StakeholderKind.organisation, REPORTER, Recipient.Reason.SUBSCRIBER);
    private static final Kind OTHER_PERSON_TARGET = new Kind("other org's person, target", StakeholderKind.person,
            "rail-east", Recipient.Reason.CURRENT_LEVEL_TARGET);
    private static final Kind OTHER_TEAM_TARGET = new Kind("other org's team, target", StakeholderKind.team,
            "rail-east", Recipient.Reason.CURRENT_LEVEL_TARGET);
    private static final Kind OTHER_ORGANISATION_SUBSCRIBER = new Kind("other organisation, subscriber",
            StakeholderKind.organisation, "rail-east", Recipient.Reason.SUBSCRIBER);

    private static final List<Kind> KINDS = List.of(CENTER_PERSON_TARGET, CENTER_PERSON_SUBSCRIBER, CENTER_TEAM_TARGET,
            REPORTER_PERSON_SUBSCRIBER, REPORTER_ORGANISATION, OTHER_PERSON_TARGET, OTHER_TEAM_TARGET,
            OTHER_ORGANISATION_SUBSCRIBER);

    /** Who gets details under each label (given a RED clearance); everyone else gets the redacted notice. */
    private static final Map<Tlp, List<Kind>> DETAILS = Map.of(
            Tlp.CLEAR, KINDS,
            Tlp.GREEN, KINDS,
            // every recipient is a target or a sector subscriber: a need to know
            Tlp.AMBER, KINDS,
            Tlp.AMBER_STRICT, List.of(CENTER_PERSON_TARGET, CENTER_PERSON_SUBSCRIBER, CENTER_TEAM_TARGET,
                    REPORTER_PERSON_SUBSCRIBER, REPORTER_ORGANISATION),
            // people only: targets of the current level, or of the reporting organisation
            Tlp.RED, List.of(CENTER_PERSON_TARGET, REPORTER_PERSON_SUBSCRIBER, OTHER_PERSON_TARGET));

    static Stream<Arguments> labelsAndKinds() {
        List<Arguments> cases = new ArrayList<>();
        for (Tlp label : Tlp.values()) {
            for (Kind kind : KINDS) {
                cases.add(Arguments.of(label, kind.name(), kind, DETAILS.get(label).contains(kind)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} to {1}: details {3}")
    @MethodSource("labelsAndKinds")
    void theTableDecides(Tlp label, String name, Kind kind, boolean details) {
        assertThat(DisclosureRule.mayReceiveDetails(kind.clearedFor(Tlp.RED), label, REPORTER)).isEqualTo(details);
    }

    static Stream<Arguments> labelsAndClearances() {
        List<Arguments> cases = new ArrayList<>();
        for (Tlp label : Tlp.values()) {
            for (Tlp clearance : Tlp.values()) {
                cases.add(Arguments.of(label, clearance));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} to a center person target cleared for {1}")
    @MethodSource("labelsAndClearances")
    void theClearanceCapsWhateverTheTableAllows(Tlp label, Tlp clearance) {
        boolean details = DisclosureRule.mayReceiveDetails(CENTER_PERSON_TARGET.clearedFor(clearance), label, REPORTER);

        assertThat(details).isEqualTo(label.isAtMost(clearance));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("teamAndOrganisation")
    void organisationAndTeamChannelsNeverGetRedDetails(StakeholderKind kind) {
        for (String organisation : List.of("circc", REPORTER, "rail-east")) {
            for (Recipient.Reason reason : Recipient.Reason.values()) {
                assertThat(DisclosureRule.mayReceiveDetails(new Recipient(kind, organisation, Tlp.RED, reason),
                        Tlp.RED, REPORTER)).as("%s of %s as %s", kind, organisation, reason).isFalse();
            }
        }
    }

    static Stream<StakeholderKind> teamAndOrganisation() {
        return Stream.of(StakeholderKind.team, StakeholderKind.organisation);
    }
}
