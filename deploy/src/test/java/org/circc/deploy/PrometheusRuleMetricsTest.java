package org.circc.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PrometheusRuleMetricsTest {

    @Test
    void aSelectorWithMatchersAndARangeIsOneMetric() {
        assertThat(PrometheusRuleMetrics.metricNames(
                "sum by (channel) (increase(circc_notification_dead_letters_total{channel=~\"web.*\"}[15m])) > 0"))
                .containsExactly("circc_notification_dead_letters_total");
    }

    @Test
    void functionsAggregationsKeywordsAndLabelListsAreNotMetrics() {
        assertThat(PrometheusRuleMetrics.metricNames("""
                histogram_quantile(0.9, sum without (instance) (rate(a_seconds_bucket[1h] offset 5m)))
                  > on (service) group_left (team) b_info
                  and ignoring (le) c_total unless bool d
                """))
                .containsExactly("a_seconds_bucket", "b_info", "c_total", "d");
    }

    @Test
    void stringsNumbersAndDurationsAreNotMetrics() {
        assertThat(PrometheusRuleMetrics.metricNames(
                "label_replace(up_total{job=\"x\"}, \"dst\", \"$1\", \"src\", \"(.*)\") * 1e3 + 0x1F > 5m_total"))
                .containsExactly("up_total");
    }

    @Test
    void aSubqueryAndAMetricNamedLikeAKeywordPrefix() {
        assertThat(PrometheusRuleMetrics.metricNames("max_over_time(order_total[30m:1m]) / by_total"))
                .containsExactly("by_total", "order_total");
    }

    @Test
    void aNameSelectorWithoutAMetricNameHasNoName() {
        assertThat(PrometheusRuleMetrics.metricNames("count({__name__=~\"circc_.*\"})")).isEmpty();
    }

    @Test
    void aRuleResourceGivesItsAlertsAndTheMetricsTheyReadLessTheRecordedOnes() {
        PrometheusRuleMetrics rule = PrometheusRuleMetrics.parse("""
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: example}
                spec:
                  groups:
                    - name: g
                      rules:
                        - record: service:errors:rate5m
                          expr: sum by (service) (rate(http_server_requests_seconds_count{status=~"5.."}[5m]))
                        - alert: Errors
                          expr: service:errors:rate5m > 0.05
                        - alert: Lag
                          expr: |
                            max by (group, topic) (spring_cloud_stream_binder_kafka_offset)
                              > 1000
                """);

        assertThat(rule.alerts()).containsExactly("Errors", "Lag");
        assertThat(rule.metricNames())
                .containsExactly("http_server_requests_seconds_count", "spring_cloud_stream_binder_kafka_offset");
    }

    @Test
    void onlyAPrometheusRuleIsRead() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PrometheusRuleMetrics.parse("kind: ConfigMap\nmetadata: {name: x}\n"))
                .withMessageContaining("ConfigMap");
    }
}
