package org.circc.triage.command;

import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.events.SeverityFactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SeverityScorerTest {

    /** The weights of services/triage/src/main/resources/application.yml, written out by hand. */
    static final TriageWeights CONFIGURED = new TriageWeights(25, 12, 12, 18, 13, 12, 8, 10, 4,
            List.of(10.0, 25.0, 45.0, 65.0, 85.0),
            Map.ofEntries(
                    entry("malicious-code", 0.8),
                    entry("malicious-code:ransomware", 1.0),
                    entry("intrusions", 0.9),
                    entry("availability", 0.7),
                    entry("availability:ddos", 0.8),
                    entry("intrusion-attempts", 0.5),
                    entry("information-content-security", 0.7),
                    entry("fraud", 0.5),
                    entry("information-gathering", 0.3),
                    entry("abusive-content", 0.2),
                    entry("vulnerable", 0.3),
                    entry("other", 0.4),
                    entry("test", 0.0)));

    static final List<Sector> SECTORS = List.of(Sector.GAMES_TICKETING, Sector.ELECTRIC_POWER, Sector.CREDIT_CARD,
            Sector.MEDICAL, Sector.RAILWAYS);
    static final List<Category> CATEGORIES = List.of(Category.parse("availability:ddos"), Category.parse("test"),
            Category.parse("malicious-code:ransomware"), Category.parse("information-gathering:scanner"),
            Category.parse("fraud"));

    private final SeverityScorer scorer = new SeverityScorer(CONFIGURED);

    @Test
    void theHandWrittenWeightsAreTheOnesOfApplicationYml() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(source -> environment.getPropertySources().addFirst(source));

        TriageWeights bound = new Binder(ConfigurationPropertySources.get(environment))
                .bind("circc.triage", TriageWeights.class)
                .get();

        assertThat(bound).isEqualTo(CONFIGURED);
        assertThat(bound.functionalImpact() + bound.informationImpact() + bound.recoverability()
                + bound.sectorCriticality() + bound.category() + bound.reportingOrganisations() + bound.spread())
                .isEqualTo(100.0);
    }

    @Test
    void theApiExampleScoresAtLeastHighSoThatItIsEscalated() {
        SeverityAssessment assessment = scorer.assess(
                new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                Sector.GAMES_TICKETING, Category.parse("availability:ddos"), 1, 1);

        assertThat(assessment.severity().level()).isGreaterThanOrEqualTo(3);
        assertThat(assessment.severity().isAtLeast(Severity.HIGH)).isTrue();
        // 25 (functional high) + 0 + 0 + 18 × 0.70 (games-ticketing) + 13 × 0.8 (availability:ddos) + 0 + 0
        assertThat(assessment.score()).isCloseTo(48.0, within(1e-9));
        assertThat(assessment.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void everyDecisionExplainsItselfWithTheSevenFactors() {
        SeverityAssessment assessment = scorer.assess(
                new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                Sector.GAMES_TICKETING, Category.parse("availability:ddos"), 1, 1);

        assertThat(assessment.factors()).containsExactly(
                new SeverityFactor("functional-impact", "high", 25.0),
                new SeverityFactor("information-impact", "none", 0.0),
                new SeverityFactor("recoverability", "regular", 0.0),
                new SeverityFactor("sector-criticality", "games-ticketing", 12.6),
                new SeverityFactor("category", "availability:ddos", 10.4),
                new SeverityFactor("reporting-organisations", "1", 0.0),
                new SeverityFactor("spread", "1 sector", 0.0));
    }

    @Test
    void moreOrganisationsAndSectorsInTheCampaignRaiseTheScoreUpToTheirWeights() {
        Impact impact = new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR);
        Category ddos = Category.parse("availability:ddos");

        SeverityAssessment alone = scorer.assess(impact, Sector.GAMES_TICKETING, ddos, 1, 1);
        SeverityAssessment wide = scorer.assess(impact, Sector.GAMES_TICKETING, ddos, 10, 4);
        SeverityAssessment wider = scorer.assess(impact, Sector.GAMES_TICKETING, ddos, 50, 9);

        assertThat(wide.score()).isCloseTo(alone.score() + 12 + 8, within(1e-9));
        assertThat(wider.score()).isEqualTo(wide.score());
        assertThat(wide.severity()).isEqualTo(Severity.SEVERE);
        // log10(3) of the saturation's log10(10): three organisations rate 0.48
        assertThat(scorer.campaignFactors(3, 2)).containsExactly(
                new SeverityFactor("reporting-organisations", "3", 5.73),
                new SeverityFactor("spread", "2 sectors", 2.67));
    }

    @Test
    void everyCombinationCarriesSevenFactorsThatAddUpToTheScore() {
        int checked = 0;
        for (Impact impact : allImpacts()) {
            for (Sector sector : Sector.values()) {
                for (Category category : CATEGORIES) {
                    SeverityAssessment assessment = scorer.assess(impact, sector, category, 2, 3);
                    assertThat(assessment.factors())
                            .extracting(SeverityFactor::factor)
                            .containsExactly("functional-impact", "information-impact", "recoverability",
                                    "sector-criticality", "category", "reporting-organisations", "spread");
                    assertThat(assessment.factors())
                            .extracting(SeverityFactor::value)
                            .containsExactly(impact.functional().slug(), impact.information().slug(),
                                    impact.recoverability().slug(), sector.slug(), category.slug(), "2", "3 sectors");
                    assertThat(assessment.factors()).allSatisfy(factor ->
                            assertThat(factor.contribution()).isGreaterThanOrEqualTo(0.0));
                    assertThat(assessment.factors().stream().mapToDouble(SeverityFactor::contribution).sum())
                            .as("%s %s %s", impact, sector, category)
                            .isCloseTo(assessment.score(), within(1e-6));
                    assertThat(assessment.score()).isBetween(0.0, 100.0);
                    assertThat(assessment.severity()).isEqualTo(CONFIGURED.severityOf(assessment.score()));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(64 * Sector.values().length * CATEGORIES.size());
    }

    @Test
    void aWorseFunctionalImpactNeverLowersTheScore() {
        assertMonotone((impact, worse) -> worse.ordinal() > impact.functional().ordinal()
                        ? new Impact(Impact.Functional.values()[worse.ordinal()], impact.information(), impact.recoverability())
                        : null,
                Impact.Functional.values());
    }

    @Test
    void aWorseInformationImpactNeverLowersTheScore() {
        assertMonotone((impact, worse) -> worse.ordinal() > impact.information().ordinal()
                        ? new Impact(impact.functional(), Impact.Information.values()[worse.ordinal()], impact.recoverability())
                        : null,
                Impact.Information.values());
    }

    @Test
    void aWorseRecoverabilityNeverLowersTheScore() {
        assertMonotone((impact, worse) -> worse.ordinal() > impact.recoverability().ordinal()
                        ? new Impact(impact.functional(), impact.information(), Impact.Recoverability.values()[worse.ordinal()])
                        : null,
                Impact.Recoverability.values());
    }

    @Test
    void theWorstImpactScoresMoreThanNoImpactInEverySectorAndCategory() {
        Impact worst = new Impact(Impact.Functional.HIGH, Impact.Information.INTEGRITY, Impact.Recoverability.NOT_RECOVERABLE);
        for (Sector sector : Sector.values()) {
            for (Category category : CATEGORIES) {
                SeverityAssessment none = scorer.assess(Impact.NONE, sector, category, 1, 1);
                SeverityAssessment bad = scorer.assess(worst, sector, category, 1, 1);
                assertThat(bad.score()).isCloseTo(none.score() + 49.0, within(1e-6));
                assertThat(bad.severity().level()).isGreaterThanOrEqualTo(none.severity().level());
            }
        }
    }

    @Test
    void aMoreCriticalSectorOrAWorseRatedCategoryNeverLowersTheScore() {
        for (Impact impact : allImpacts()) {
            for (Category category : CATEGORIES) {
                for (Sector a : Sector.values()) {
                    for (Sector b : Sector.values()) {
                        if (b.criticalityWeight() > a.criticalityWeight()) {
                            assertThat(scorer.assess(impact, b, category, 1, 1).score())
                                    .isGreaterThanOrEqualTo(scorer.assess(impact, a, category, 1, 1).score());
                        }
                    }
                }
            }
            for (Sector sector : SECTORS) {
                for (Category a : CATEGORIES) {
                    for (Category b : CATEGORIES) {
                        if (CONFIGURED.categoryRating(b) > CONFIGURED.categoryRating(a)) {
                            assertThat(scorer.assess(impact, sector, b, 1, 1).score())
                                    .isGreaterThanOrEqualTo(scorer.assess(impact, sector, a, 1, 1).score());
                        }
                    }
                }
            }
        }
    }

    @Test
    void theMostSpecificCategoryRatingWinsAndUnratedClassesGetTheMiddle() {
        assertThat(CONFIGURED.categoryRating(Category.parse("availability:ddos"))).isEqualTo(0.8);
        assertThat(CONFIGURED.categoryRating(Category.parse("availability:outage"))).isEqualTo(0.7);
        assertThat(CONFIGURED.categoryRating(Category.parse("availability"))).isEqualTo(0.7);
        assertThat(CONFIGURED.categoryRating(Category.parse("malicious-code:ransomware"))).isEqualTo(1.0);
        assertThat(CONFIGURED.categoryRating(Category.parse("test:test"))).isEqualTo(0.0);

        TriageWeights unrated = new TriageWeights(30, 15, 15, 25, 15, 0, 0, 10, 4, List.of(10.0, 25.0, 45.0, 65.0, 85.0), null);
        assertThat(unrated.categoryRating(Category.parse("fraud:phishing"))).isEqualTo(TriageWeights.UNRATED_CATEGORY);
        assertThat(new SeverityScorer(unrated).assess(Impact.NONE, Sector.FINANCE, Category.parse("fraud"), 1, 1).factors())
                .filteredOn(factor -> factor.factor().equals("category"))
                .singleElement()
                .extracting(SeverityFactor::contribution)
                .isEqualTo(7.5);
    }

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "9.99, 0",
            "10, 1",
            "24.99, 1",
            "25, 2",
            "44.99, 2",
            "45, 3",
            "64.99, 3",
            "65, 4",
            "84.99, 4",
            "85, 5",
            "100, 5"})
    void levelThresholdsMapAsConfigured(double score, int level) {
        assertThat(CONFIGURED.severityOf(score)).isEqualTo(Severity.ofLevel(level));
        assertThat(SeverityScorer.levelOf(score, CONFIGURED.levelThresholds())).isEqualTo(Severity.ofLevel(level));
    }

    @Test
    void aScoreExactlyAtAThresholdIsThatLevel() {
        Impact impact = new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR);
        Category ddos = Category.parse("availability:ddos");
        double score = scorer.assess(impact, Sector.GAMES_TICKETING, ddos, 1, 1).score();
        for (int level = 1; level <= 5; level++) {
            List<Double> thresholds = new ArrayList<>();
            for (int l = 1; l <= 5; l++) {
                // the thresholds below `level` lie under the score, `level` is at it, the ones above over it
                thresholds.add(l < level ? score - (level - l) : l == level ? score : score + (l - level));
            }
            TriageWeights weights = new TriageWeights(25, 12, 12, 18, 13, 12, 8, 10, 4, thresholds,
                    CONFIGURED.categoryRatings());

            SeverityAssessment assessment = new SeverityScorer(weights).assess(impact, Sector.GAMES_TICKETING, ddos, 1, 1);

            assertThat(assessment.score()).isEqualTo(score);
            assertThat(assessment.severity()).isEqualTo(Severity.ofLevel(level));
        }
    }

    @Test
    void weightsRejectANegativeWeightOrASaturationBelowTwo() {
        List<Double> thresholds = List.of(10.0, 25.0, 45.0, 65.0, 85.0);
        assertThatThrownBy(() -> new TriageWeights(25, 12, 12, 18, 13, -1, 8, 10, 4, thresholds, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new TriageWeights(25, 12, 12, 18, 13, 12, 8, 1, 4, thresholds, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("saturation");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 6, 10})
    void weightsRejectAThresholdListOfTheWrongLength(int length) {
        List<Double> thresholds = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            thresholds.add(10.0 * (i + 1));
        }

        assertThatThrownBy(() -> new TriageWeights(25, 12, 12, 18, 13, 12, 8, 10, 4, thresholds, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("level-thresholds");
    }

    @Test
    void weightsAcceptOneThresholdPerLevelAboveBaseline() {
        TriageWeights weights = new TriageWeights(25, 12, 12, 18, 13, 12, 8, 10, 4, List.of(1.0, 2.0, 3.0, 4.0, 5.0), Map.of());

        assertThat(weights.levelThresholds()).hasSize(Severity.values().length - 1);
        assertThat(weights.categoryRatings()).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /**
     * For every impact, every sector in {@link #SECTORS} and category in {@link #CATEGORIES}: making one dimension
     * worse ({@code worsen} returns null unless {@code worse} is worse than the impact's value) never lowers the
     * score or the level.
     */
    private <E extends Enum<E>> void assertMonotone(BiFunction<Impact, E, Impact> worsen, E[] values) {
        int comparisons = 0;
        for (Impact impact : allImpacts()) {
            for (E worse : values) {
                Impact worseImpact = worsen.apply(impact, worse);
                if (worseImpact == null) {
                    continue;
                }
                for (Sector sector : SECTORS) {
                    for (Category category : CATEGORIES) {
                        SeverityAssessment before = scorer.assess(impact, sector, category, 1, 1);
                        SeverityAssessment after = scorer.assess(worseImpact, sector, category, 1, 1);
                        assertThat(after.score())
                                .as("%s → %s in %s, %s", impact, worseImpact, sector, category)
                                .isGreaterThan(before.score());
                        assertThat(after.severity().level()).isGreaterThanOrEqualTo(before.severity().level());
                        comparisons++;
                    }
                }
            }
        }
        // 16 combinations of the other two dimensions × 6 ordered pairs of the four values × sectors × categories
        assertThat(comparisons).isEqualTo(16 * 6 * SECTORS.size() * CATEGORIES.size());
    }

    static List<Impact> allImpacts() {
        List<Impact> impacts = new ArrayList<>();
        for (Impact.Functional functional : Impact.Functional.values()) {
            for (Impact.Information information : Impact.Information.values()) {
                for (Impact.Recoverability recoverability : Impact.Recoverability.values()) {
                    impacts.add(new Impact(functional, information, recoverability));
                }
            }
        }
        return impacts;
    }
}
