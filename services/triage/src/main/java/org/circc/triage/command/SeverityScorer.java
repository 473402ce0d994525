package org.circc.triage.command;

import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.events.SeverityFactor;

import java.util.ArrayList;
import java.util.List;

/**
 * NCISS-style scoring: each factor is rated 0–1 and multiplied by its weight; the weights add up to 100, so
 * the score is 0–100. Five factors describe the incident itself, two its campaign (how many organisations
 * reported it, across how many sectors). A worse rating never lowers the score because every weight is
 * positive and every rating rises with the input.
 */
public class SeverityScorer {

    private final TriageWeights weights;

    public SeverityScorer(TriageWeights weights) {
        this.weights = weights;
    }

    /** The incident's own factors: what it contributes whatever campaign it is in. */
    public List<SeverityFactor> incidentFactors(Impact impact, Sector sector, Category category) {
        return List.of(
                factor("functional-impact", impact.functional().slug(), rank(impact.functional()), weights.functionalImpact()),
                factor("information-impact", impact.information().slug(), rank(impact.information()), weights.informationImpact()),
                factor("recoverability", impact.recoverability().slug(), rank(impact.recoverability()), weights.recoverability()),
                factor("sector-criticality", sector.slug(), sector.criticalityWeight(), weights.sectorCriticality()),
                factor("category", category.slug(), weights.categoryRating(category), weights.category()));
    }

    /** The campaign's factors, the same for every member. */
    public List<SeverityFactor> campaignFactors(int organisations, int sectors) {
        return List.of(
                factor("reporting-organisations", Integer.toString(organisations),
                        weights.organisationsRating(organisations), weights.reportingOrganisations()),
                factor("spread", sectors + (sectors == 1 ? " sector" : " sectors"), weights.spreadRating(sectors),
                        weights.spread()));
    }

    public SeverityAssessment assess(Impact impact, Sector sector, Category category, int organisations, int sectors) {
        List<SeverityFactor> factors = new ArrayList<>(incidentFactors(impact, sector, category));
        factors.addAll(campaignFactors(organisations, sectors));
        double score = sum(factors);
        return new SeverityAssessment(score, severityOf(score), factors);
    }

    /** The level of a score, capped at 100. */
    public Severity severityOf(double score) {
        return weights.severityOf(Math.min(100, score));
    }

    /** The sum of the contributions, at most 100. */
    public static double sum(List<SeverityFactor> factors) {
        double score = 0;
        for (SeverityFactor factor : factors) {
            score += factor.contribution();
        }
        return Math.min(100, Math.round(score * 100) / 100.0);
    }

    /** An enum's position from harmless (0) to worst (1): the impact enums are declared in that order. */
    private static double rank(Enum<?> value) {
        return (double) value.ordinal() / (value.getDeclaringClass().getEnumConstants().length - 1);
    }

    private static SeverityFactor factor(String name, String value, double rating, double weight) {
        return new SeverityFactor(name, value, Math.round(rating * weight * 100) / 100.0);
    }

    /** The level a score maps to. */
    static Severity levelOf(double score, List<Double> thresholds) {
        Severity severity = Severity.BASELINE;
        for (int level = 1; level <= thresholds.size(); level++) {
            if (score >= thresholds.get(level - 1)) {
                severity = Severity.ofLevel(level);
            }
        }
        return severity;
    }
}
