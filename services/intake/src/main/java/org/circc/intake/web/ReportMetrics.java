package org.circc.intake.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.circc.contracts.Category;
import org.circc.contracts.InvalidValueException;
import org.circc.contracts.Sector;

/**
 * {@code circc.intake.reports{outcome, sector, category}}: reports accepted or rejected, by sector slug and RSIT
 * category class. Tags are bounded: a value that is not a known sector or class is tagged {@code invalid}.
 */
public class ReportMetrics {

    static final String REPORTS = "circc.intake.reports";

    private final MeterRegistry registry;

    public ReportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void accepted(Sector sector, Category category) {
        count("accepted", sector.slug(), category.rsitClass());
    }

    /** A report that failed validation: tagged with what of its sector and category could be read. */
    public void rejected(ReportIncidentRequest request) {
        count("rejected", request == null ? "invalid" : sectorTag(request.sector()),
                request == null ? "invalid" : categoryTag(request.category()));
    }

    private void count(String outcome, String sector, String categoryClass) {
        Counter.builder(REPORTS)
                .description("Incident reports by outcome (accepted or rejected), sector and RSIT category class")
                .tag("outcome", outcome)
                .tag("sector", sector)
                .tag("category", categoryClass)
                .register(registry)
                .increment();
    }

    private static String sectorTag(String raw) {
        try {
            return raw == null ? "invalid" : Sector.fromSlug(raw).slug();
        } catch (InvalidValueException e) {
            return "invalid";
        }
    }

    private static String categoryTag(String raw) {
        try {
            return raw == null ? "invalid" : Category.parse(raw).rsitClass();
        } catch (InvalidValueException e) {
            return "invalid";
        }
    }
}
