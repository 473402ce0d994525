package org.circc.timeline.query;

import org.circc.contracts.IncidentId;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;
import org.circc.contracts.events.StakeholderSnapshot;
import org.circc.contracts.sharing.Viewer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circc.timeline.TimelineFixtures.triagedView;

/**
 * The TLP table of the product brief as the timeline applies it, with the need-to-know it learns from the chain and
 * the directory: a matrix of label and viewer for an incident reported by venue-tokyo in games-ticketing (High),
 * whose chain targeted csirt-oncall and responder-1 at level 1 and now targets duty-coordinator and
 * circc-management at level 2.
 */
class SharingTest {

    private static final Map<String, StakeholderSnapshot> DIRECTORY = Map.of(
            "responder-1", stakeholder("responder-1", StakeholderKind.person, "circc", "responder-1", List.of(), null),
            "duty-coordinator", stakeholder("duty-coordinator", StakeholderKind.person, "circc", "coordinator-1", List.of(), null),
            "csirt-oncall", stakeholder("csirt-oncall", StakeholderKind.team, "circc", null, List.of(), null),
            "circc-management", stakeholder("circc-management", StakeholderKind.team, "circc", "manager-1", List.of(), null),
            "rail-east-soc", stakeholder("rail-east-soc", StakeholderKind.organisation, "rail-east", null, List.of("railways"), 2),
            "games-soc", stakeholder("games-soc", StakeholderKind.organisation, "games-partner", null, List.of("games-*"), 2),
            "games-analyst", stakeholder("games-analyst", StakeholderKind.person, "analyst-co", "analyst-1", List.of("games-ticketing"), 4));

    @ParameterizedTest(name = "{0} to {1}@{2} ({3}): {4}")
    @CsvSource({
            // anyone sees CLEAR and GREEN
            "TLP:CLEAR,        ops@rail-east, rail-east,     false, true",
            "TLP:GREEN,        ops@rail-east, rail-east,     false, true",
            // AMBER: the center, the reporter, stakeholders with a need to know
            "TLP:AMBER,        ops@venue-tokyo, venue-tokyo, false, true",
            "TLP:AMBER,        responder-2,   circc,         false, true",
            "TLP:AMBER,        ops@rail-east, rail-east,     false, false",
            "TLP:AMBER,        ops@games,     games-partner, false, true",
            "TLP:AMBER,        analyst-1,     analyst-co,    false, false",
            // AMBER+STRICT: the center and the reporter only
            "TLP:AMBER+STRICT, responder-2,   circc,         false, true",
            "TLP:AMBER+STRICT, ops@games,     games-partner, false, false",
            // RED: the reporter, the center's coordinators, persons targeted at the current level
            "TLP:RED,          ops@venue-tokyo, venue-tokyo, false, true",
            "TLP:RED,          coordinator-2, circc,         true,  true",
            "TLP:RED,          coordinator-1, circc,         false, true",
            "TLP:RED,          responder-1,   circc,         false, false",
            "TLP:RED,          manager-1,     circc,         false, false",
            "TLP:RED,          ops@rail-east, rail-east,     true,  false",
    })
    void theTlpTableDecides(String label, String principal, String organisation, boolean coordinator, boolean sees) {
        IncidentView view = escalated(Tlp.parse(label));

        assertThat(Sharing.maySee(new Viewer(principal, organisation, coordinator), view, DIRECTORY)).isEqualTo(sees);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"responder-1", "manager-1"})
    void aTargetOfTheChainHasANeedToKnowForAmber(String principal) {
        IncidentView view = escalated(Tlp.AMBER);

        assertThat(Sharing.maySee(new Viewer(principal, "partner-csirt", false), view, DIRECTORY)).isTrue();
        assertThat(Sharing.maySee(new Viewer(principal, "partner-csirt", false), view, Map.of()))
                .as("without the directory nobody is known to stand for a stakeholder").isFalse();
    }

    private static IncidentView escalated(Tlp tlp) {
        IncidentView triaged = triagedView(IncidentId.newId(), tlp, Instant.parse("2026-07-24T10:20:00Z"));
        return new IncidentView(triaged.incidentId(), triaged.title(), triaged.description(), triaged.category(),
                triaged.sector(), triaged.tlp(), triaged.status(), triaged.severity(), triaged.severityFactors(),
                triaged.campaignId(), triaged.escalation(), triaged.reporterOrg(), triaged.reportedAt(),
                triaged.detectedAt(), triaged.impact(), triaged.affectedAssets(), triaged.observables(),
                triaged.updatedAt(), List.of("circc-management", "csirt-oncall", "duty-coordinator", "responder-1"),
                List.of("duty-coordinator", "circc-management"), triaged.milestones());
    }

    private static StakeholderSnapshot stakeholder(String id, StakeholderKind kind, String organisation, String principal,
                                                   List<String> sectors, Integer minSeverity) {
        return new StakeholderSnapshot(id, id, kind, organisation, principal, Tlp.RED, List.of("email"), sectors,
                minSeverity, List.of());
    }
}
