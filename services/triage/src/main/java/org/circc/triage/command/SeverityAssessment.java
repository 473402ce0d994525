package org.circc.triage.command;

import org.circc.contracts.Severity;
import org.circc.contracts.events.SeverityFactor;

import java.util.List;

/** A score 0–100, the level it maps to, and every factor that made it: triage explains itself. */
public record SeverityAssessment(double score, Severity severity, List<SeverityFactor> factors) {

    public SeverityAssessment {
        factors = List.copyOf(factors);
    }
}
