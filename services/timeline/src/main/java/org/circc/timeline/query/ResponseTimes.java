package org.circc.timeline.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Response times over a period (api.md {@code /metrics/response}): from report to triage, acknowledgement,
 * containment and resolution, in seconds, as median, 90th percentile and count, by severity and by sector. Only
 * incidents that reached a stage count for it (none: null median and p90). Percentiles are nearest-rank.
 */
public record ResponseTimes(Instant from, Instant to, Map<String, Map<String, Stats>> bySeverity,
                            Map<String, Map<String, Stats>> bySector) {

    public record Stats(Double median, Double p90, int count) {
    }

    private static final Map<String, BiFunction<IncidentView.Milestones, Instant, Duration>> STAGES = stages();

    public static ResponseTimes of(Instant from, Instant to, List<IncidentView> views) {
        return new ResponseTimes(from, to,
                group(views, view -> view.severity() == null ? Board.UNSCORED : view.severity().displayName()),
                group(views, view -> view.sector().slug()));
    }

    private static Map<String, Map<String, Stats>> group(List<IncidentView> views, Function<IncidentView, String> key) {
        Map<String, List<IncidentView>> groups = new TreeMap<>();
        views.forEach(view -> groups.computeIfAbsent(key.apply(view), k -> new ArrayList<>()).add(view));
        Map<String, Map<String, Stats>> result = new TreeMap<>();
        groups.forEach((group, members) -> {
            Map<String, Stats> stages = new LinkedHashMap<>();
            STAGES.forEach((stage, took) -> stages.put(stage, stats(members.stream()
                    .map(view -> took.apply(view.milestones(), view.reportedAt()))
                    .filter(Objects::nonNull)
                    .mapToDouble(duration -> duration.toMillis() / 1000.0)
                    .toArray())));
            result.put(group, stages);
        });
        return result;
    }

    static Stats stats(double[] seconds) {
        if (seconds.length == 0) {
            return new Stats(null, null, 0);
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return new Stats(nearestRank(sorted, 0.5), nearestRank(sorted, 0.9), sorted.length);
    }

    private static double nearestRank(double[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    private static Map<String, BiFunction<IncidentView.Milestones, Instant, Duration>> stages() {
        Map<String, BiFunction<IncidentView.Milestones, Instant, Duration>> stages = new LinkedHashMap<>();
        stages.put("triage", IncidentView.Milestones::toTriage);
        stages.put("acknowledge", IncidentView.Milestones::toAcknowledge);
        stages.put("contain", IncidentView.Milestones::toContain);
        stages.put("resolve", IncidentView.Milestones::toResolve);
        return stages;
    }
}
