package org.circc.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 10, scenario 3: {@code stakeholders} (100) webhook stakeholders subscribed to the reports' sector, a local
 * receiver per stakeholder on 127.0.0.1 ({@link WebhookReceivers}), and {@code reports} escalating reports at {@code rate}/s through the gateway. Measures
 * report accepted → webhook received (which includes triage and escalation: the level-raised instant is not in
 * the webhook body) and prints p50/p99 and deliveries/s when every expected webhook arrived or {@code waitSeconds}
 * passed; then the platform's own level raised → delivered p50/p99 over the run (the notification service's
 * histogram at {@code notificationUrl}).
 */
public class NotificationLatencySimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private static final int STAKEHOLDERS = Integer.getInteger("stakeholders", 100);
    private static final int REPORTS = Integer.getInteger("reports", 50);
    private static final int RATE = Integer.getInteger("rate", 2);
    private static final Duration WAIT = Duration.ofSeconds(Integer.getInteger("waitSeconds", 120));
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private static final String NOTIFICATION_URL = System.getProperty("notificationUrl", "http://127.0.0.1:8084");
    private static final Pattern DELIVERY_LATENCY_BUCKET = Pattern.compile(
            "(?m)^circc_notification_delivery_latency_seconds_bucket\\{channel=\"webhook\"[^}]*le=\"([^\"]+)\"} (\\S+)$");
    private static final Map<Double, Double> DELIVERY_LATENCY_BEFORE = new ConcurrentHashMap<>();

    private static final Map<String, Instant> ACCEPTED = new ConcurrentHashMap<>();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).contentTypeHeader("application/json");

    private final ScenarioBuilder reporting = scenario("escalating reports").exec(http("report")
            .post("/api/v1/incidents")
            .header("X-API-Key", "op-venue-key")
            .body(StringBody(session -> report()))
            .check(status().is(202), jsonPath("$.incidentId").saveAs("incidentId")))
            .exec(session -> {
                ACCEPTED.put(session.getString("incidentId"), Instant.now());
                return session;
            });

    {
        setUp(reporting.injectOpen(constantUsersPerSec(RATE).during(Duration.ofSeconds(Math.max(1, REPORTS / RATE)))))
                .protocols(protocol);
    }

    private WebhookReceivers receivers;

    @Override
    public void before() {
        receivers = WebhookReceivers.start(BASE_URL, "bench-hook", STAKEHOLDERS);
        DELIVERY_LATENCY_BEFORE.putAll(webhookDeliveryLatencyBuckets());
    }

    @Override
    public void after() {
        long expected = (long) ACCEPTED.size() * STAKEHOLDERS;
        Instant first = Instant.now();
        WebhookReceivers.awaitUntil(() -> latencies().size() >= expected, WAIT);
        receivers.close();
        printPlatformDeliveryLatency();
        List<Duration> sorted = latencies();
        sorted.sort(null);
        System.out.printf("notification latency: %d of %d webhooks received; p50 %s, p99 %s, max %s; %.1f deliveries/s%n",
                sorted.size(), expected, WebhookReceivers.percentile(sorted, 50), WebhookReceivers.percentile(sorted, 99),
                sorted.isEmpty() ? "-" : sorted.get(sorted.size() - 1).toMillis() + " ms",
                sorted.size() / Math.max(1.0, Duration.between(first, Instant.now()).toMillis() / 1000.0
                        + REPORTS / (double) RATE));
    }

    /** Report accepted → webhook received, for the webhooks about this run's reports. */
    private List<Duration> latencies() {
        List<Duration> latencies = new ArrayList<>();
        ACCEPTED.forEach((incidentId, accepted) -> receivers.receivedAbout(incidentId)
                .forEach(received -> latencies.add(Duration.between(accepted, received))));
        return latencies;
    }

    /**
     * The platform's own measure of the acceptance bar, level raised → delivered: the delivery latency histogram of
     * the webhook channel, read from the notification service before and after the run. A quantile is reported as
     * the upper bound of the bucket it falls in.
     */
    private static void printPlatformDeliveryLatency() {
        Map<Double, Double> after = webhookDeliveryLatencyBuckets();
        Map<Double, Double> run = new TreeMap<>();
        after.forEach((bound, count) -> run.put(bound, count - DELIVERY_LATENCY_BEFORE.getOrDefault(bound, 0.0)));
        double total = run.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        System.out.printf("platform, level raised → delivered (webhook, histogram bucket bounds): %.0f deliveries; "
                + "p50 ≤ %s, p99 ≤ %s%n", total, quantileBound(run, total, 0.50), quantileBound(run, total, 0.99));
    }

    private static String quantileBound(Map<Double, Double> cumulative, double total, double quantile) {
        if (total == 0) {
            return "-";
        }
        return cumulative.entrySet().stream()
                .filter(bucket -> bucket.getValue() >= quantile * total)
                .findFirst()
                .map(bucket -> bucket.getKey().isInfinite() ? "+Inf" : Math.round(bucket.getKey() * 1000) + " ms")
                .orElse("-");
    }

    /** Cumulative bucket counts by upper bound; empty if the notification service cannot be read. */
    private static Map<Double, Double> webhookDeliveryLatencyBuckets() {
        Map<Double, Double> buckets = new TreeMap<>();
        try {
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(NOTIFICATION_URL + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher bucket = DELIVERY_LATENCY_BUCKET.matcher(scrape.body());
            while (bucket.find()) {
                double bound = bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1));
                buckets.put(bound, Double.parseDouble(bucket.group(2)));
            }
        } catch (IOException e) {
            System.out.println("cannot read the notification service's metrics: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return buckets;
    }

    private static String report() {
        return WebhookReceivers.escalatingReport("Latency report " + SEQUENCE.incrementAndGet());
    }
}
