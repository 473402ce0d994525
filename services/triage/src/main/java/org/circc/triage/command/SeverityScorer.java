package org.circc.triage.command;

import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.events.SeverityFactor;

import java.util.List;

/**
 * NCISS-style scoring: each factor is rated 0–1 and multiplied by its weight; the weights add up to 100, so
 * the score is 0–100. A worse rating never lowers the score because every weight is positive.
 */
public class SeverityScorer {

    private final TriageWeights weights;

    public SeverityScorer(TriageWeights weights) {
        this.weights = weights;
    }

    public SeverityAssessment assess(Impact impact, Sector sector, Category category) {
        List<SeverityFactor> factors = List.of(
                factor("functional-impact", impact.functional().slug(), rank(impact.functional()), weights.functionalImpact()),
                factor("information-impact", impact.information().slug(), rank(impact.information()), weights.informationImpact()),
                factor("recoverability", impact.recoverability().slug(), rank(impact.recoverability()), weights.recoverability()),
                factor("sector-criticality", sector.slug(), sector.criticalityWeight(), weights.sectorCriticality()),
                factor("category", category.slug(), weights.categoryRating(category), weights.category()));
        double score = Math.min(100, factors.stream().mapToDouble(SeverityFactor::contribution).sum());
        return new SeverityAssessment(score, weights.severityOf(score), factors);
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
