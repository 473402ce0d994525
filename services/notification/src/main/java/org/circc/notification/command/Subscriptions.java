package org.circc.notification.command;

import org.circc.contracts.Category;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;

import java.util.Collection;
import java.util.List;

/**
 * What a stakeholder wants to hear about (api.md "Whom"): empty {@code sectors} or {@code categories} mean all;
 * sectors may be prefixes such as {@code games-*}; a category class matches its types.
 */
public record Subscriptions(List<String> sectors, int minSeverity, List<String> categories) {

    public Subscriptions {
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    /** @param category null when the incident is not known yet: then only a subscription to all categories matches */
    public boolean matches(Collection<Sector> incidentSectors, Category category, Severity severity) {
        boolean sectorMatches = sectors.isEmpty() || incidentSectors.stream()
                .anyMatch(sector -> sectors.stream().anyMatch(sector::matchesPattern));
        boolean categoryMatches = categories.isEmpty() || (category != null
                && categories.stream().anyMatch(filter -> category.matches(Category.parse(filter))));
        return sectorMatches && categoryMatches && severity.level() >= minSeverity;
    }
}
