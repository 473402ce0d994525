package org.circc.timeline.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The situation board (api.md): open incidents (not resolved, closed or withdrawn) counted by severity, status and
 * sector, and the most severe of them. Pure: the same function serves the live board and the board as of an
 * instant, whose views come from the folds.
 */
public record Board(Instant asOf, Open open, List<IncidentView> top) {

    public static final int TOP = 20;
    static final String UNSCORED = "Unscored";

    public record Open(Map<String, Long> bySeverity, Map<String, Long> byStatus, Map<String, Long> bySector) {
    }

    /** Most severe first, then the longest open. */
    private static final Comparator<IncidentView> MOST_SEVERE = Comparator
            .comparing((IncidentView view) -> view.severity() == null ? -1 : view.severity().level()).reversed()
            .thenComparing(IncidentView::reportedAt)
            .thenComparing(IncidentView::incidentId);

    public static Board of(Instant asOf, List<IncidentView> views) {
        List<IncidentView> open = views.stream().filter(IncidentView::open).toList();
        return new Board(asOf,
                new Open(count(open, view -> view.severity() == null ? UNSCORED : view.severity().displayName()),
                        count(open, view -> view.status().name()),
                        count(open, view -> view.sector().slug())),
                open.stream().sorted(MOST_SEVERE).limit(TOP).toList());
    }

    private static Map<String, Long> count(List<IncidentView> views, Function<IncidentView, String> key) {
        return views.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
