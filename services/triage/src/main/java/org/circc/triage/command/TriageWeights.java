package org.circc.triage.command;

import org.circc.contracts.Category;
import org.circc.contracts.Severity;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Map;

/**
 * The weights of the triage score (docs/triage.md), from {@code circc.triage.*}. {@code levelThresholds} are
 * the scores at which Low, Medium, High, Severe and Emergency start; {@code categoryRatings} rate a category
 * class or a {@code class:type} from 0 to 1, the more specific entry winning. The campaign factors saturate:
 * {@code organisationsSaturation} reporting organisations, or {@code spreadSaturation} sectors, rate 1.
 */
@ConfigurationProperties("circc.triage")
public record TriageWeights(
        @DefaultValue("25") double functionalImpact,
        @DefaultValue("12") double informationImpact,
        @DefaultValue("12") double recoverability,
        @DefaultValue("18") double sectorCriticality,
        @DefaultValue("13") double category,
        @DefaultValue("12") double reportingOrganisations,
        @DefaultValue("8") double spread,
        @DefaultValue("10") int organisationsSaturation,
        @DefaultValue("4") int spreadSaturation,
        @DefaultValue({"10", "25", "45", "65", "85"}) List<Double> levelThresholds,
        Map<String, Double> categoryRatings) {

    static final double UNRATED_CATEGORY = 0.5;

    public TriageWeights {
        categoryRatings = categoryRatings == null ? Map.of() : Map.copyOf(categoryRatings);
        levelThresholds = List.copyOf(levelThresholds);
        if (levelThresholds.size() != Severity.values().length - 1) {
            throw new IllegalArgumentException("circc.triage.level-thresholds needs one score per level above Baseline");
        }
        for (double weight : List.of(functionalImpact, informationImpact, recoverability, sectorCriticality, category,
                reportingOrganisations, spread)) {
            if (weight < 0) {
                // a negative weight would let a worse input lower the score
                throw new IllegalArgumentException("circc.triage weights must not be negative");
            }
        }
        if (organisationsSaturation < 2 || spreadSaturation < 2) {
            throw new IllegalArgumentException("circc.triage organisations-saturation and spread-saturation must be at least 2");
        }
    }

    double categoryRating(Category category) {
        Double specific = categoryRatings.get(category.slug());
        if (specific != null) {
            return specific;
        }
        return categoryRatings.getOrDefault(category.rsitClass(), UNRATED_CATEGORY);
    }

    /** 0 for one organisation, rising with the logarithm of their number, 1 from the saturation on. */
    double organisationsRating(int organisations) {
        return Math.min(1.0, Math.log(Math.max(1, organisations)) / Math.log(organisationsSaturation));
    }

    /** 0 for one sector, rising linearly, 1 from the saturation on. */
    double spreadRating(int sectors) {
        return Math.min(1.0, (double) (Math.max(1, sectors) - 1) / (spreadSaturation - 1));
    }

    Severity severityOf(double score) {
        return SeverityScorer.levelOf(score, levelThresholds);
    }
}
