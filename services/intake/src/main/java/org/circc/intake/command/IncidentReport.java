package org.circc.intake.command;

import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A report as intake accepted it: every value already validated and normalised. */
public record IncidentReport(
        String title,
        String description,
        Category category,
        Sector sector,
        Tlp tlp,
        Impact impact,
        List<String> affectedAssets,
        List<Observable> observables,
        Instant detectedAt) {

    public IncidentReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(detectedAt, "detectedAt");
        affectedAssets = List.copyOf(affectedAssets);
        observables = List.copyOf(observables);
    }
}
