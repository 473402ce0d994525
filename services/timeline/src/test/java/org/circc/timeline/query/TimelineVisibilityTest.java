package org.circc.timeline.query;

import org.circc.contracts.IncidentId;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.platform.web.Caller;
import org.circc.platform.web.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The TLP table of the product brief, as {@link TimelineVisibility} applies it to principals: coordinators and
 * admins of the center see everything, the reporting organisation its own, CLEAR and GREEN every principal,
 * AMBER and AMBER+STRICT the center too; RED only those (need-to-know through escalation targets is not there yet,
 * so a center responder gets 404 for RED).
 */
class TimelineVisibilityTest {

    enum Reader {
        REPORTING_ORG_OPERATOR(new Caller("ops@venue-tokyo", "venue-tokyo", Set.of(Role.OPERATOR))),
        OTHER_ORG_OPERATOR(new Caller("ops@rail-east", "rail-east", Set.of(Role.OPERATOR))),
        CENTER_RESPONDER(new Caller("responder-1", "circc", Set.of(Role.RESPONDER))),
        CENTER_COORDINATOR(new Caller("coordinator-1", "circc", Set.of(Role.COORDINATOR))),
        CENTER_ADMIN(new Caller("admin", "circc", Set.of(Role.ADMIN)));

        final Caller caller;

        Reader(Caller caller) {
            this.caller = caller;
        }
    }

    private static final IncidentId INCIDENT = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");

    @ParameterizedTest(name = "{0}: reporting org {1}, other org {2}, responder {3}, coordinator {4}, admin {5}")
    @CsvSource({
            // label,              reporting org, other org, center responder, center coordinator, center admin
            "TLP:CLEAR,            true,          true,      true,             true,               true",
            "TLP:GREEN,            true,          true,      true,             true,               true",
            "TLP:AMBER,            true,          false,     true,             true,               true",
            "TLP:AMBER+STRICT,     true,          false,     true,             true,               true",
            "TLP:RED,              true,          false,     false,            true,               true",
    })
    void whoMaySeeAReportedIncident(String label, boolean reportingOrg, boolean otherOrg, boolean responder,
                                    boolean coordinator, boolean admin) {
        IncidentTimeline timeline = new IncidentTimeline(INCIDENT, "venue-tokyo", Tlp.parse(label), List.of(anEntry()));
        Map<Reader, Boolean> expected = Map.of(
                Reader.REPORTING_ORG_OPERATOR, reportingOrg,
                Reader.OTHER_ORG_OPERATOR, otherOrg,
                Reader.CENTER_RESPONDER, responder,
                Reader.CENTER_COORDINATOR, coordinator,
                Reader.CENTER_ADMIN, admin);

        expected.forEach((reader, maySee) -> assertThat(TimelineVisibility.maySee(reader.caller, timeline))
                .as("%s reading a %s incident", reader, label)
                .isEqualTo(maySee));
    }

    @ParameterizedTest
    @EnumSource(Reader.class)
    void aTimelineWhoseReportHasNotArrivedIsInvisibleToEveryone(Reader reader) {
        IncidentTimeline unreported = new IncidentTimeline(INCIDENT, null, null, List.of(anEntry()));

        assertThat(unreported.reported()).isFalse();
        assertThat(TimelineVisibility.maySee(reader.caller, unreported)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Tlp.class)
    void anyPrincipalOfTheCenterSeesWhatTheCenterSeesWhichIsAllButRed(Tlp tlp) {
        // neither coordinator nor reporter: the center's organisation alone opens CLEAR to AMBER+STRICT, not RED
        Caller centerOperator = new Caller("ops@circc", "circc", Set.of(Role.OPERATOR));
        IncidentTimeline timeline = new IncidentTimeline(INCIDENT, "venue-tokyo", tlp, List.of());

        assertThat(TimelineVisibility.maySee(centerOperator, timeline)).isEqualTo(tlp != Tlp.RED);
    }

    private static TimelineEntry anEntry() {
        return new TimelineEntry("event-1", Instant.parse("2026-07-24T10:20:00Z"), "escalation.started",
                Actor.system("escalation"), "Escalation started under policy default", Map.of());
    }
}
