package org.circc.triage.command;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Monotone scoring and order-independent correlation, over generated inputs. */
class CampaignPropertiesTest {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Instant NOW = Instant.parse("2026-07-24T12:00:00Z");
    private static final List<Category> CATEGORIES = List.of(Category.parse("availability:ddos"),
            Category.parse("intrusions"), Category.parse("fraud:phishing"), Category.parse("test"));

    private final SeverityScorer scorer = new SeverityScorer(SeverityScorerTest.CONFIGURED);

    // --- scoring ------------------------------------------------------------------------------------------------

    @Property
    void aWorseInputNeverLowersTheScore(@ForAll("impacts") Impact impact, @ForAll Sector sector,
                                        @ForAll("categories") Category category,
                                        @ForAll @IntRange(min = 1, max = 40) int organisations,
                                        @ForAll @IntRange(min = 1, max = 12) int sectors,
                                        @ForAll("impacts") Impact other, @ForAll Sector otherSector,
                                        @ForAll("categories") Category otherCategory,
                                        @ForAll @IntRange(min = 0, max = 40) int moreOrganisations,
                                        @ForAll @IntRange(min = 0, max = 12) int moreSectors) {
        Impact worse = new Impact(
                worst(impact.functional(), other.functional()),
                worst(impact.information(), other.information()),
                worst(impact.recoverability(), other.recoverability()));
        Sector moreCritical = otherSector.criticalityWeight() > sector.criticalityWeight() ? otherSector : sector;
        Category worseRated = SeverityScorerTest.CONFIGURED.categoryRating(otherCategory)
                > SeverityScorerTest.CONFIGURED.categoryRating(category) ? otherCategory : category;

        SeverityAssessment before = scorer.assess(impact, sector, category, organisations, sectors);
        SeverityAssessment after = scorer.assess(worse, moreCritical, worseRated, organisations + moreOrganisations,
                sectors + moreSectors);

        assertThat(after.score()).isGreaterThanOrEqualTo(before.score());
        assertThat(after.severity().level()).isGreaterThanOrEqualTo(before.severity().level());
        assertThat(after.score()).isBetween(0.0, 100.0);
    }

    @Property
    void scoringIsDeterministic(@ForAll("impacts") Impact impact, @ForAll Sector sector,
                                @ForAll("categories") Category category,
                                @ForAll @IntRange(min = 1, max = 40) int organisations,
                                @ForAll @IntRange(min = 1, max = 12) int sectors) {
        assertThat(scorer.assess(impact, sector, category, organisations, sectors))
                .isEqualTo(new SeverityScorer(SeverityScorerTest.CONFIGURED)
                        .assess(impact, sector, category, organisations, sectors));
    }

    // --- correlation --------------------------------------------------------------------------------------------

    @Property(tries = 200)
    void anyOrderOfTheSameReportsYieldsTheSameCampaigns(@ForAll("storms") List<TriageIncidentCommand> reports,
                                                        @ForAll long seed) {
        List<TriageIncidentCommand> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(seed));
        // and delivered twice: some again at the end
        shuffled.addAll(reports.subList(0, reports.size() / 2));

        Campaigns inOrder = correlate(reports);
        Campaigns otherwise = correlate(shuffled);

        assertThat(otherwise.partition()).isEqualTo(inOrder.partition());
        assertThat(severities(otherwise)).isEqualTo(severities(inOrder));
    }

    @Property(tries = 200)
    void campaignsAreTheGroupsOfLinkedReports(@ForAll("storms") List<TriageIncidentCommand> reports) {
        Campaigns campaigns = correlate(reports);

        for (TriageIncidentCommand a : reports) {
            for (TriageIncidentCommand b : reports) {
                if (linked(a, b)) {
                    assertThat(campaigns.campaignOf(a.incidentId())).isEqualTo(campaigns.campaignOf(b.incidentId()));
                }
            }
        }
        // and nothing else joins them: each campaign is connected through direct links
        for (Set<IncidentId> campaign : campaigns.partition()) {
            assertThat(connected(campaign, reports)).isTrue();
        }
    }

    @Property(tries = 200)
    void arrivalsNeverLowerACampaignsSeverity(@ForAll("storms") List<TriageIncidentCommand> reports) {
        Campaigns campaigns = new Campaigns();
        Map<CampaignId, Severity> signalled = new HashMap<>();
        for (TriageIncidentCommand report : reports) {
            campaigns.triage(report, scorer, WINDOW, NOW, event -> {
                evolve(campaigns, event);
                if (event instanceof CampaignSeverityChangedEvent changed) {
                    Severity before = signalled.put(changed.campaignId(), changed.severity());
                    assertThat(changed.previousSeverity()).isEqualTo(before);
                    if (before != null) {
                        assertThat(changed.severity().level()).isGreaterThan(before.level());
                    }
                }
                if (event instanceof CampaignMergedEvent merged) {
                    assertThat(signalled.get(merged.campaignId())).isNotNull();
                }
            });
        }
    }

    @Provide
    Arbitrary<List<TriageIncidentCommand>> storms() {
        Arbitrary<Observable> observables = Arbitraries.integers().between(1, 6)
                .map(i -> Reports.ipv4("198.51.100." + i));
        Arbitrary<String> assets = Arbitraries.of("portal.example", "gates.example", "api.example");
        Arbitrary<TriageIncidentCommand> report = Combinators.combine(
                observables.list().ofMaxSize(2),
                assets.list().ofMaxSize(1),
                Arbitraries.of(CATEGORIES.subList(0, 2)),
                Arbitraries.of(Sector.GAMES_TICKETING, Sector.RAILWAYS, Sector.MEDICAL),
                Arbitraries.of("org-a", "org-b", "org-c", "org-d"),
                Arbitraries.integers().between(0, 180),
                impacts(),
                Arbitraries.of(Tlp.class)
        ).as((obs, asset, category, sector, org, minute, impact, tlp) -> new TriageIncidentCommand(IncidentId.newId(),
                org, category, sector, tlp, impact, asset, obs, NOW.minus(Duration.ofMinutes(minute))));
        return report.list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<Impact> impacts() {
        return Combinators.combine(Arbitraries.of(Impact.Functional.class), Arbitraries.of(Impact.Information.class),
                Arbitraries.of(Impact.Recoverability.class)).as(Impact::new);
    }

    @Provide
    Arbitrary<Category> categories() {
        return Arbitraries.of(CATEGORIES);
    }

    private Campaigns correlate(List<TriageIncidentCommand> reports) {
        Campaigns campaigns = new Campaigns();
        for (TriageIncidentCommand report : reports) {
            campaigns.triage(report, scorer, WINDOW, NOW, event -> evolve(campaigns, event));
        }
        return campaigns;
    }

    /** Each campaign (as its members) with its severity: what escalation would see. */
    private static Map<Set<IncidentId>, Severity> severities(Campaigns campaigns) {
        Map<Set<IncidentId>, Severity> severities = new HashMap<>();
        for (Set<IncidentId> members : campaigns.partition()) {
            severities.put(members, campaigns.severityOf(campaigns.campaignOf(members.iterator().next())));
        }
        return severities;
    }

    static void evolve(Campaigns campaigns, Object event) {
        if (event instanceof IncidentTriagedEvent triaged) {
            campaigns.on(triaged);
        } else if (event instanceof CampaignMergedEvent merged) {
            campaigns.on(merged);
        } else if (event instanceof CampaignSeverityChangedEvent changed) {
            campaigns.on(changed);
        } else if (event instanceof IncidentSeverityOverriddenEvent overridden) {
            campaigns.on(overridden);
        }
    }

    private static boolean linked(TriageIncidentCommand a, TriageIncidentCommand b) {
        List<String> keys = CorrelationKeys.of(a.observables(), a.affectedAssets(), a.category());
        boolean shared = CorrelationKeys.of(b.observables(), b.affectedAssets(), b.category()).stream()
                .anyMatch(keys::contains);
        return shared && Duration.between(a.reportedAt(), b.reportedAt()).abs().compareTo(WINDOW) <= 0;
    }

    private static boolean connected(Set<IncidentId> campaign, List<TriageIncidentCommand> reports) {
        List<TriageIncidentCommand> members = reports.stream()
                .filter(report -> campaign.contains(report.incidentId())).toList();
        Set<IncidentId> reached = new java.util.HashSet<>(Set.of(members.get(0).incidentId()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (TriageIncidentCommand a : members) {
                for (TriageIncidentCommand b : members) {
                    if (reached.contains(a.incidentId()) && !reached.contains(b.incidentId()) && linked(a, b)) {
                        reached.add(b.incidentId());
                        grew = true;
                    }
                }
            }
        }
        return reached.equals(campaign);
    }

    private static <E extends Enum<E>> E worst(E a, E b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
