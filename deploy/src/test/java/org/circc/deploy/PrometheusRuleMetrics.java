package org.circc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names that the expressions of a Prometheus Operator {@code PrometheusRule} read: what a scrape of the
 * applications must offer for its alerts to mean anything. Names that the rule itself records are not among them.
 * {@link #metricNames(String)} works on any PromQL expression (a dashboard's too).
 */
public final class PrometheusRuleMetrics {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE_OR_SUBQUERY = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "start", "end");

    private final List<Rule> rules;

    private PrometheusRuleMetrics(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** One rule of the resource: an alert (its name) or a recording rule (the series it records). */
    public record Rule(String alert, String record, String expr) {
    }

    public static PrometheusRuleMetrics read(Path prometheusRuleYaml) {
        try {
            return of(YAML.readTree(prometheusRuleYaml.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrometheusRuleMetrics parse(String prometheusRuleYaml) {
        try {
            return of(YAML.readTree(prometheusRuleYaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrometheusRuleMetrics of(JsonNode prometheusRule) {
        if (!"PrometheusRule".equals(prometheusRule.path("kind").asText())) {
            throw new IllegalArgumentException("not a PrometheusRule: " + prometheusRule.path("kind").asText());
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode group : prometheusRule.path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.add(new Rule(rule.path("alert").asText(null), rule.path("record").asText(null),
                        rule.path("expr").asText()));
            }
        }
        return new PrometheusRuleMetrics(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<String> alerts() {
        return rules.stream().map(Rule::alert).filter(alert -> alert != null).toList();
    }

    /** Every metric the rules read, less those the rules record themselves. */
    public SortedSet<String> metricNames() {
        SortedSet<String> names = new TreeSet<>();
        rules.forEach(rule -> names.addAll(metricNames(rule.expr())));
        rules.stream().map(Rule::record).filter(record -> record != null).forEach(names::remove);
        return names;
    }

    /** The metric names of one PromQL expression: what is left once strings, matchers, ranges and calls are gone. */
    public static SortedSet<String> metricNames(String promql) {
        String expression = STRING_LITERAL.matcher(promql).replaceAll(" ");
        expression = LABEL_MATCHERS.matcher(expression).replaceAll(" ");
        expression = RANGE_OR_SUBQUERY.matcher(expression).replaceAll(" ");
        expression = LABEL_LIST.matcher(expression).replaceAll(" ");
        SortedSet<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(expression);
        while (identifier.find()) {
            boolean call = identifier.group(2) != null;
            String name = identifier.group(1);
            if (!call && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }
}
