package org.circc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus scrapes every application; the alerts and the dashboard read metrics that the code registers, and
 * every alert has its section in docs/operations.md. (That a running platform exports them is the end-to-end
 * test's to show.)
 */
class MonitoringTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    /** Registered by the frameworks, not by CIRCC's code: Axon, the Kafka binder and client, Resilience4j, Spring. */
    static final Set<String> FRAMEWORK_METRICS = Set.of(
            "eventProcessor_latency",
            "eventProcessor_failureCounter_total",
            "spring_cloud_stream_binder_kafka_offset",
            "kafka_consumer_fetch_manager_records_lag_max",
            "resilience4j_circuitbreaker_state",
            "spring_cloud_gateway_requests_seconds_count",
            "http_server_requests_seconds_count");

    private static final Pattern PROMETHEUS_SUFFIX = Pattern.compile("(_seconds)?(_total|_bucket|_count|_sum|_max)?$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyApplicationIsScrapedAtItsPrometheusEndpoint(String overlay) {
        ServiceMonitor monitor = Kustomize.render(overlay).named("ServiceMonitor", "circc-applications", ServiceMonitor.class);
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPort()).isEqualTo("http");
            assertThat(endpoint.getPath()).isEqualTo("/actuator/prometheus");
        });
        assertThat(monitor.getSpec().getSelector().getMatchExpressions()).singleElement().satisfies(expression -> {
            assertThat(expression.getKey()).isEqualTo("app.kubernetes.io/component");
            assertThat(expression.getValues()).containsExactlyInAnyOrder("gateway", "service");
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theAlertsCoverWhatACoordinationCenterMustHear(String overlay) {
        PrometheusRuleMetrics rules = PrometheusRuleMetrics.of(prometheusRule(overlay));
        assertThat(rules.alerts()).contains(
                "CirccEscalationExhausted", "CirccDeliveriesDeadLettered", "CirccIntegrationEventsDeadLettered",
                "CirccPublisherLagging", "CirccProcessorLagging", "CirccConsumerLagging", "CirccCircuitBreakerOpen",
                "CirccGatewayErrorRate", "CirccServiceErrorRate");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyAlertHasASeverityASummaryAndItsSectionInTheOperationsGuide(String overlay) {
        PrometheusRule rule = Kustomize.Rendered.as(prometheusRule(overlay), PrometheusRule.class);
        Set<String> anchors = operationsGuideAnchors();
        List<Rule> alerts = rule.getSpec().getGroups().stream().flatMap(group -> group.getRules().stream()).toList();
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.getLabels()).containsKey("severity");
            assertThat(alert.getLabels().get("severity")).isIn("critical", "warning");
            assertThat(alert.getAnnotations()).containsKeys("summary", "description", "runbook_url");
            String anchor = alert.getAnnotations().get("runbook_url").replaceFirst("^docs/operations\\.md#", "");
            assertThat(anchors).as("sections of docs/operations.md").contains(anchor);
            assertThat(anchor).isEqualTo(alert.getAlert().toLowerCase(Locale.ROOT));
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theAlertsAndTheDashboardReadOnlyMetricsTheApplicationsRegister(String overlay) {
        SortedSet<String> used = new TreeSet<>(PrometheusRuleMetrics.of(prometheusRule(overlay)).metricNames());
        used.addAll(dashboardMetrics(overlay));
        Set<String> registered = meterNamesInCode();

        assertThat(used).isNotEmpty().allSatisfy(metric -> {
            if (!FRAMEWORK_METRICS.contains(metric)) {
                assertThat(registered).as("meter names registered by the code").contains(micrometerName(metric));
            }
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theDashboardShowsIncidentsAcknowledgementsDeliveriesAndLag(String overlay) {
        assertThat(dashboardMetrics(overlay)).contains(
                "circc_incident_response_seconds_count",
                "circc_escalation_time_to_acknowledge_seconds_bucket",
                "circc_notification_deliveries_total",
                "spring_cloud_stream_binder_kafka_offset",
                "eventProcessor_latency");
        ConfigMap dashboard = Kustomize.render(overlay).named("ConfigMap", "circc-grafana-dashboard", ConfigMap.class);
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    }

    static SortedSet<String> dashboardMetrics(String overlay) {
        ConfigMap configMap = Kustomize.render(overlay).named("ConfigMap", "circc-grafana-dashboard", ConfigMap.class);
        try {
            JsonNode dashboard = JSON.readTree(configMap.getData().get("circc-dashboard.json"));
            SortedSet<String> metrics = new TreeSet<>();
            assertThat(dashboard.path("panels")).isNotEmpty();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                for (JsonNode target : panel.path("targets")) {
                    SortedSet<String> names = PrometheusRuleMetrics.metricNames(target.path("expr").asText());
                    assertThat(names).as(target.path("expr").asText()).isNotEmpty();
                    metrics.addAll(names);
                }
            }
            return metrics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** circc_escalation_time_to_acknowledge_seconds_bucket → circc.escalation.time.to.acknowledge */
    static String micrometerName(String prometheusName) {
        return PROMETHEUS_SUFFIX.matcher(prometheusName).replaceFirst("").replace('_', '.');
    }

    /** The string literals of the applications' main code that could be meter names. */
    private static Set<String> meterNamesInCode() {
        Pattern literal = Pattern.compile("\"(circc\\.[a-z0-9.]+)\"");
        List<Path> sources = Stream.concat(Stream.of("platform", "gateway"),
                Applications.SERVICES.stream().map(service -> "services/" + service))
                .map(module -> Kustomize.REPOSITORY.resolve(module).resolve("src/main/java")).toList();
        Set<String> names = new TreeSet<>();
        for (Path root : sources) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    literal.matcher(Files.readString(file)).results().forEach(match -> names.add(match.group(1)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static Set<String> operationsGuideAnchors() {
        try (Stream<String> lines = Files.lines(Kustomize.REPOSITORY.resolve("docs/operations.md"))) {
            return lines.filter(line -> line.startsWith("#"))
                    .map(line -> line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                            .replaceAll("[^a-z0-9 _-]", "").trim().replace(' ', '-'))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode prometheusRule(String overlay) {
        List<JsonNode> rules = Kustomize.render(overlay).ofKind("PrometheusRule");
        assertThat(rules).hasSize(1);
        return rules.get(0);
    }
}
