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
 * class or a {@code class:type} from 0 to 1, the more specific entry winning.
 */
@ConfigurationProperties("circc.triage")
public record TriageWeights(
        @DefaultValue("30") double functionalImpact,
        @DefaultValue("15") double informationImpact,
        @DefaultValue("15") double recoverability,
        @DefaultValue("25") double sectorCriticality,
        @DefaultValue("15") double category,
        @DefaultValue({"10", "25", "45", "65", "85"}) List<Double> levelThresholds,
        Map<String, Double> categoryRatings) {

    static final double UNRATED_CATEGORY = 0.5;

    public TriageWeights {
        categoryRatings = categoryRatings == null ? Map.of() : Map.copyOf(categoryRatings);
        levelThresholds = List.copyOf(levelThresholds);
        if (levelThresholds.size() != Severity.values().length - 1) {
            throw new IllegalArgumentException("circc.triage.level-thresholds needs one score per level above Baseline");
        }
    }

    double categoryRating(Category category) {
        Double specific = categoryRatings.get(category.slug());
        if (specific != null) {
            return specific;
        }
        return categoryRatings.getOrDefault(category.rsitClass(), UNRATED_CATEGORY);
    }

    Severity severityOf(double score) {
        return SeverityScorer.levelOf(score, levelThresholds);
    }
}
