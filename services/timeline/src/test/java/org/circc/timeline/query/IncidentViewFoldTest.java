package org.circc.timeline.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignMergedEvent;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationEndedEvent;
import org.circc.contracts.events.EscalationExhaustedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationRemindedEvent;
import org.circc.contracts.events.EscalationStartedEvent;
import org.circc.contracts.events.IncidentCorrelatedEvent;
import org.circc.contracts.events.IncidentEvent;
import org.circc.contracts.events.IncidentSeverityOverriddenEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IncidentUpdatedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circc.timeline.TimelineFixtures.CAMPAIGN;
import static org.circc.timeline.TimelineFixtures.recorded;
import static org.circc.timeline.TimelineFixtures.reported;

/**
 * The projection's folds fed event sequences: what an incident's view says after them, the campaign's chain
 * included, and that the order the topics delivered them in does not matter.
 */
class IncidentViewFoldTest {

    private static final IncidentId FIRST = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final IncidentId LATE = IncidentId.of("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a");
    private static final UUID ESCALATION = UUID.fromString("0e7f1c2a-3b4d-4e5f-8a6b-7c8d9e0f1a2b");
    private static final Instant T0 = Instant.parse("2026-07-24T10:20:00Z");
    private static final Actor TRIAGE = Actor.system("triage");
    private static final Actor RESPONDER = Actor.principal("responder-1", "circc");
    private static final Sector TICKETING = Sector.fromSlug("games-ticketing");

    private final List<RecordedEvent> log = new ArrayList<>();

    @Test
    void aReportAloneIsReportedAndUnscored() {
        happen(reported(FIRST, Tlp.AMBER, T0));

        IncidentView view = view(FIRST, null);

        assertThat(view.status()).isEqualTo(IncidentStatus.REPORTED);
        assertThat(view.severity()).isNull();
        assertThat(view.campaignId()).isNull();
        assertThat(view.escalation()).isEqualTo(new IncidentView.Escalation(0, CampaignState.ChainState.NONE, null));
        assertThat(view.reportedAt()).isEqualTo(T0);
    }

    @Test
    void membersFollowTheirCampaignsChainLateJoinersIncluded() {
        happen(reported(FIRST, Tlp.AMBER, T0));
        happen(triaged(FIRST, Severity.HIGH, 1));
        happen(new EscalationStartedEvent(ESCALATION, CAMPAIGN, FIRST, "default", 1, Severity.HIGH, T0.plusSeconds(2)));
        happen(raised(1, List.of("csirt-oncall", "responder-1"), 2));
        happen(reported(LATE, Tlp.AMBER, T0.plusSeconds(60)));
        happen(triaged(LATE, Severity.HIGH, 61));
        happen(new IncidentCorrelatedEvent(LATE, CAMPAIGN, "observable ipv4:203.0.113.7", 2, T0.plusSeconds(61)));

        for (IncidentId member : List.of(FIRST, LATE)) {
            IncidentView view = view(member, null);
            assertThat(view.status()).as("%s", member).isEqualTo(IncidentStatus.ESCALATED);
            assertThat(view.escalation()).isEqualTo(new IncidentView.Escalation(1, CampaignState.ChainState.ACTIVE,
                    T0.plusSeconds(302)));
            assertThat(view.escalationTargets()).containsExactly("csirt-oncall", "responder-1");
            assertThat(view.currentTargets()).containsExactly("csirt-oncall", "responder-1");
        }

        happen(raised(2, List.of("duty-coordinator"), 302));
        happen(new EscalationAcknowledgedEvent(ESCALATION, CAMPAIGN, LATE, 2, "on it", RESPONDER, T0.plusSeconds(400)));

        IncidentView acknowledged = view(FIRST, null);
        assertThat(acknowledged.status()).isEqualTo(IncidentStatus.ACKNOWLEDGED);
        assertThat(acknowledged.escalation()).isEqualTo(new IncidentView.Escalation(2,
                CampaignState.ChainState.ACKNOWLEDGED, null));
        assertThat(acknowledged.escalationTargets()).containsExactly("csirt-oncall", "duty-coordinator", "responder-1");
        assertThat(acknowledged.currentTargets()).containsExactly("duty-coordinator");
        assertThat(acknowledged.milestones().toAcknowledge(acknowledged.reportedAt())).hasSeconds(400);
        assertThat(acknowledged.updatedAt()).as("its chain's last step").isEqualTo(T0.plusSeconds(400));
        assertThat(view(LATE, null).milestones().toAcknowledge(T0.plusSeconds(60))).hasSeconds(340);
    }

    @Test
    void aMemberFurtherAlongOrWithdrawnKeepsItsOwnStatus() {
        happen(reported(FIRST, Tlp.AMBER, T0));
        happen(triaged(FIRST, Severity.HIGH, 1));
        happen(reported(LATE, Tlp.AMBER, T0.plusSeconds(1)));
        happen(triaged(LATE, Severity.HIGH, 2));
        happen(status(FIRST, IncidentStatus.TRIAGED, IncidentStatus.CONTAINED, 3));
        happen(status(LATE, IncidentStatus.TRIAGED, IncidentStatus.WITHDRAWN, 3));
        happen(raised(1, List.of("csirt-oncall"), 4));
        happen(new EscalationAcknowledgedEvent(ESCALATION, CAMPAIGN, FIRST, 1, null, RESPONDER, T0.plusSeconds(5)));

        assertThat(view(FIRST, null).status()).isEqualTo(IncidentStatus.CONTAINED);
        assertThat(view(FIRST, null).milestones().toContain(T0)).hasSeconds(3);
        assertThat(view(LATE, null).status()).isEqualTo(IncidentStatus.WITHDRAWN);
    }

    @Test
    void anOverrideOutlivesLaterAutomaticScoring() {
        happen(reported(FIRST, Tlp.AMBER, T0));
        happen(triaged(FIRST, Severity.MEDIUM, 1));
        happen(new IncidentSeverityOverriddenEvent(FIRST, CAMPAIGN, Severity.MEDIUM, Severity.SEVERE, "nationwide",
                Actor.principal("coordinator-1", "circc"), T0.plusSeconds(10)));
        happen(new IncidentUpdatedEvent(FIRST, "more traffic", List.of(Observable.of(ObservableType.DOMAIN, "Evil.Example")),
                new Impact(Impact.Functional.MEDIUM, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                Actor.principal("ops@venue-tokyo", "venue-tokyo"), T0.plusSeconds(20)));
        happen(triaged(FIRST, Severity.LOW, 21));

        IncidentView view = view(FIRST, null);
        assertThat(view.severity()).isEqualTo(Severity.SEVERE);
        assertThat(view.impact().functional()).isEqualTo(Impact.Functional.MEDIUM);
        assertThat(view.observables()).extracting(Observable::toString)
                .containsExactly("ipv4:203.0.113.7", "domain:evil.example");
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(21));
        assertThat(view.milestones().toTriage(T0)).as("the first triage counts").hasSeconds(1);
    }

    @Test
    void anExhaustedChainIsRemindedUntilItEnds() {
        happen(reported(FIRST, Tlp.AMBER, T0));
        happen(triaged(FIRST, Severity.HIGH, 1));
        happen(raised(3, List.of("duty-coordinator", "circc-management"), 2));
        happen(new EscalationExhaustedEvent(ESCALATION, CAMPAIGN, FIRST, 3, T0.plusSeconds(900)));
        happen(new EscalationRemindedEvent(ESCALATION, CAMPAIGN, FIRST, 3, List.of("duty-coordinator", "circc-management"),
                T0.plusSeconds(1800), Severity.HIGH, TICKETING, Tlp.AMBER, T0.plusSeconds(900)));

        assertThat(view(FIRST, null).escalation()).isEqualTo(new IncidentView.Escalation(3,
                CampaignState.ChainState.EXHAUSTED, T0.plusSeconds(1800)));

        happen(status(FIRST, IncidentStatus.ESCALATED, IncidentStatus.RESOLVED, 1000));
        happen(new EscalationEndedEvent(ESCALATION, CAMPAIGN, FIRST, "every member resolved", T0.plusSeconds(1001)));

        IncidentView ended = view(FIRST, null);
        assertThat(ended.escalation().state()).isEqualTo(CampaignState.ChainState.ENDED);
        assertThat(ended.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(ended.open()).isFalse();
    }

    @Test
    void aMergeMovesMembersToTheSurvivingChainAndTheOtherCampaignAnswersWithMergedInto() {
        CampaignId merged = CampaignId.of("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f");
        happen(reported(FIRST, Tlp.AMBER, T0));
        happen(triaged(FIRST, Severity.HIGH, 1));
        happen(raised(1, List.of("csirt-oncall"), 2));
        happen(reported(LATE, Tlp.AMBER, T0.plusSeconds(3)));
        happen(new IncidentTriagedEvent(LATE, merged, Severity.MEDIUM, 40, List.of(), TRIAGE, T0.plusSeconds(4)));
        happen(new CampaignMergedEvent(CAMPAIGN, merged, FIRST, List.of(LATE), T0.plusSeconds(5)));

        IncidentView moved = view(LATE, null);
        assertThat(moved.campaignId()).isEqualTo(CAMPAIGN);
        assertThat(moved.status()).isEqualTo(IncidentStatus.ESCALATED);
        assertThat(campaign(CAMPAIGN, null).incidentIds()).containsExactly(FIRST, LATE);
        assertThat(campaign(merged, null).mergedInto()).isEqualTo(CAMPAIGN);
        assertThat(view(LATE, T0.plusSeconds(4)).campaignId()).as("before the merge").isEqualTo(merged);
    }

    @Test
    void theCampaignKnowsItsSeveritySectorsLabelAndWhenItWasSeen() {
        happen(reported(FIRST, Tlp.AMBER, T0));
        happen(triaged(FIRST, Severity.HIGH, 1));
        happen(new CampaignSeverityChangedEvent(CAMPAIGN, FIRST, null, Severity.HIGH, Set.of(TICKETING), Tlp.AMBER,
                T0.plusSeconds(1)));
        happen(triaged(LATE, Severity.HIGH, 61));

        CampaignState campaign = campaign(CAMPAIGN, null);
        assertThat(campaign.severity()).isEqualTo(Severity.HIGH);
        assertThat(campaign.sectors()).containsExactly(TICKETING);
        assertThat(campaign.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(campaign.firstSeen()).isEqualTo(T0.plusSeconds(1));
        assertThat(campaign.lastSeen()).isEqualTo(T0.plusSeconds(61));
        assertThat(campaign.reportCount()).isEqualTo(2);
    }

    @Test
    void theOrderTheTopicsDeliveredInDoesNotMatter() {
        happen(reported(FIRST, Tlp.AMBER, T0));
        happen(triaged(FIRST, Severity.HIGH, 1));
        happen(raised(1, List.of("csirt-oncall"), 2));
        happen(status(FIRST, IncidentStatus.TRIAGED, IncidentStatus.ESCALATED, 2));
        happen(new EscalationAcknowledgedEvent(ESCALATION, CAMPAIGN, FIRST, 1, null, RESPONDER, T0.plusSeconds(30)));
        IncidentView inOrder = view(FIRST, null);

        Collections.reverse(log);

        assertThat(view(FIRST, null)).isEqualTo(inOrder);
    }

    @Test
    void asOfFoldsOnlyWhatHadHappenedByThenAndNothingBeforeTheReport() {
        happen(reported(FIRST, Tlp.AMBER, T0));
        happen(triaged(FIRST, Severity.HIGH, 1));
        happen(raised(1, List.of("csirt-oncall"), 2));

        assertThat(IncidentState.fold(FIRST, log, T0.minusMillis(1))).isEmpty();
        assertThat(view(FIRST, T0).status()).isEqualTo(IncidentStatus.REPORTED);
        assertThat(view(FIRST, T0.plusSeconds(1)).status()).isEqualTo(IncidentStatus.TRIAGED);
        assertThat(view(FIRST, T0.plusSeconds(2)).status()).as("an event at asOf itself counts")
                .isEqualTo(IncidentStatus.ESCALATED);
    }

    private void happen(IncidentEvent event) {
        log.add(recorded(event));
    }

    /** What the read models hold: every incident's and campaign's bucket, folded the way the projector does. */
    private IncidentView view(IncidentId incidentId, Instant asOf) {
        List<RecordedEvent> own = log.stream()
                .filter(recorded -> ((IncidentEvent) recorded.event()).incidentId().equals(incidentId)
                        || recorded.event() instanceof CampaignMergedEvent merged && merged.movedIncidentIds().contains(incidentId))
                .toList();
        Optional<IncidentState> incident = IncidentState.fold(incidentId, own, asOf);
        return incident.map(state -> IncidentView.of(state, state.campaignId() == null ? CampaignState.Chain.NONE
                : campaign(state.campaignId(), asOf).chain())).orElseThrow();
    }

    private CampaignState campaign(CampaignId campaignId, Instant asOf) {
        List<RecordedEvent> events = log.stream()
                .filter(recorded -> ReadModelProjector.chainCampaigns((IncidentEvent) recorded.event()).contains(campaignId))
                .toList();
        List<CampaignState.Member> members = new ArrayList<>();
        log.forEach(recorded -> {
            if (recorded.event() instanceof IncidentTriagedEvent e && e.campaignId().equals(campaignId)) {
                members.add(new CampaignState.Member(e.incidentId(), recorded.at()));
            } else if (recorded.event() instanceof IncidentCorrelatedEvent e && e.campaignId().equals(campaignId)) {
                members.add(new CampaignState.Member(e.incidentId(), recorded.at()));
            } else if (recorded.event() instanceof CampaignMergedEvent e && e.campaignId().equals(campaignId)) {
                e.movedIncidentIds().forEach(moved -> members.add(new CampaignState.Member(moved, recorded.at())));
            }
        });
        return CampaignState.fold(campaignId, events, members, asOf);
    }

    private static IncidentTriagedEvent triaged(IncidentId incidentId, Severity severity, long second) {
        return new IncidentTriagedEvent(incidentId, CAMPAIGN, severity, severity.level() * 20.0, List.of(), TRIAGE,
                T0.plusSeconds(second));
    }

    private static EscalationLevelRaisedEvent raised(int level, List<String> targets, long second) {
        return new EscalationLevelRaisedEvent(ESCALATION, CAMPAIGN, FIRST, level, targets, T0.plusSeconds(second + 300),
                Severity.HIGH, TICKETING, Tlp.AMBER, "severity reached the policy's minimum", T0.plusSeconds(second));
    }

    private static IncidentStatusChangedEvent status(IncidentId incidentId, IncidentStatus from, IncidentStatus to,
                                                     long second) {
        return new IncidentStatusChangedEvent(incidentId, from, to, "summary", RESPONDER, T0.plusSeconds(second));
    }
}
