package org.circc.contracts.sharing;

import org.circc.contracts.Tlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The TLP table of the product brief as a matrix: viewer × label → may see details. */
class IncidentVisibilityTest {

    private static final String REPORTER = "venue-tokyo";

    private static final Map<String, Viewer> VIEWERS = Map.of(
            "center coordinator", new Viewer("coordinator-1", "circc", true),
            "center responder", new Viewer("responder-1", "circc", false),
            "center responder targeted at RED level", new Viewer("responder-2", "circc", false),
            "reporting organisation's operator", new Viewer("ops@venue-tokyo", REPORTER, false),
            "other organisation's operator", new Viewer("ops@rail-east", "rail-east", false),
            "need-to-know principal", new Viewer("ntk-principal", "rail-east", false),
            "principal of a need-to-know organisation", new Viewer("someone", "ntk-org", false),
            "person targeted at the current level", new Viewer("red-person", "partner", false),
            "coordinator of another organisation", new Viewer("coord", "rail-east", true));


    static Stream<Arguments> matrix() {
        //                 viewer                                          CLEAR  GREEN  AMBER  A+S    RED
        return Stream.of(
                row("center coordinator",                               true,  true,  true,  true,  true),
                row("center responder",                                 true,  true,  true,  true,  false),
                row("center responder targeted at RED level",           true,  true,  true,  true,  true),
                row("reporting organisation's operator",                true,  true,  true,  true,  true),
                row("other organisation's operator",                    true,  true,  false, false, false),
                row("need-to-know principal",                           true,  true,  true,  false, false),
                row("principal of a need-to-know organisation",         true,  true,  true,  false, false),
                row("person targeted at the current level",             true,  true,  false, false, true),
                row("coordinator of another organisation",              true,  true,  false, false, false))
                .flatMap(Stream::of);
    }

    private static Arguments[] row(String viewer, boolean... byLabel) {
        Tlp[] labels = Tlp.values();
        Arguments[] rows = new Arguments[labels.length];
        for (int i = 0; i < labels.length; i++) {
            rows[i] = Arguments.of(viewer, labels[i], byLabel[i]);
        }
        return rows;
    }

    @ParameterizedTest(name = "{0} may see {1}: {2}")
    @MethodSource("matrix")
    void theTlpTableDecides(String viewer, Tlp tlp, boolean expected) {
        IncidentFacts facts = new IncidentFacts(REPORTER, tlp, Set.of("ntk-principal"), Set.of("ntk-org"),
                Set.of("red-person", "responder-2"));

        assertThat(IncidentVisibility.maySeeDetails(VIEWERS.get(viewer), facts)).isEqualTo(expected);
    }

    @Test
    void everyViewerIsInTheMatrix() {
        assertThat(matrix().map(arguments -> (String) arguments.get()[0]).distinct()).containsExactlyInAnyOrderElementsOf(VIEWERS.keySet());
    }

    @Test
    void withoutNeedToKnowOnlyTheCenterAndTheReporterSeeAmber() {
        IncidentFacts facts = IncidentFacts.of(REPORTER, Tlp.AMBER);

        assertThat(IncidentVisibility.maySeeDetails(new Viewer("ntk-principal", "rail-east", false), facts)).isFalse();
        assertThat(IncidentVisibility.maySeeDetails(new Viewer("responder-1", "circc", false), facts)).isTrue();
        assertThat(IncidentVisibility.maySeeDetails(new Viewer("ops@venue-tokyo", REPORTER, false), facts)).isTrue();
    }
}
