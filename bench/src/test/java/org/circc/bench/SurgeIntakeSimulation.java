package org.circc.bench;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 10, scenario 1: an open model stepping up through {@code rates} reports/s (default 250, 500, 1000, 2000,
 * 4000), {@code seconds} at each, through the gateway; 80% of the reports belong to 20 campaigns (a shared
 * observable each), 20% are unrelated. Each step is its own scenario, so Gatling's report gives accepted/s,
 * latency percentiles and errors per step; the knee is the first step whose accepted rate falls behind the
 * offered one or whose errors rise. Errors are counted, not asserted: past the knee they are the measurement.
 * <p>
 * Downstream lag: {@code escalatingPercent} (5) of the reports, taken from the unrelated ones, carry a high
 * functional impact and an observable of their own, so each opens its own escalation whose first level notifies
 * {@code stakeholders} (4) local webhook receivers ({@link WebhookReceivers}). After the last step the simulation
 * waits up to {@code waitSeconds} (120) for their webhooks and prints, per step, report accepted → first webhook
 * received (triage, escalation and delivery together) p50/p99/max, and how many were never notified.
 */
public class SurgeIntakeSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private static final int[] RATES = Arrays.stream(System.getProperty("rates", "250,500,1000,2000,4000").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final Duration STEP = Duration.ofSeconds(Integer.getInteger("seconds", 30));
    private static final String[] API_KEYS = {"op-venue-key", "op-rail-key"};
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final int ESCALATING_PERCENT = Integer.getInteger("escalatingPercent", 5);
    private static final int STAKEHOLDERS = Integer.getInteger("stakeholders", 4);
    private static final Duration WAIT = Duration.ofSeconds(Integer.getInteger("waitSeconds", 120));
    /** Escalating reports accepted, by the step's rate: incident id → when its 202 arrived. */
    private static final Map<Integer, Map<String, Instant>> ESCALATING_ACCEPTED = new ConcurrentHashMap<>();

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).contentTypeHeader("application/json")
            .shareConnections();

    {
        // andThen returns a new builder, so the chain is built from the last step back to the first
        PopulationBuilder steps = step(RATES[RATES.length - 1]);
        for (int i = RATES.length - 2; i >= 0; i--) {
            steps = step(RATES[i]).andThen(steps);
        }
        setUp(steps).protocols(protocol).maxDuration(STEP.multipliedBy(RATES.length).plusSeconds(60));
    }

    private WebhookReceivers receivers;

    private PopulationBuilder step(int rate) {
        Map<String, Instant> accepted = ESCALATING_ACCEPTED.computeIfAbsent(rate, r -> new ConcurrentHashMap<>());
        ScenarioBuilder scenario = scenario("step " + rate + "/s")
                .exec(session -> session.set("kind", Kind.draw()))
                .exec(http("report at " + rate + "/s")
                        .post("/api/v1/incidents")
                        .header("X-API-Key", session -> API_KEYS[ThreadLocalRandom.current().nextInt(API_KEYS.length)])
                        .body(StringBody(session -> report(session.<Kind>get("kind"))))
                        .check(status().is(202), jsonPath("$.incidentId").optional().saveAs("incidentId")))
                .exec(session -> {
                    if (session.<Kind>get("kind") == Kind.ESCALATING && session.contains("incidentId")) {
                        accepted.put(session.getString("incidentId"), Instant.now());
                    }
                    return session;
                });
        OpenInjectionStep injection = constantUsersPerSec(rate).during(STEP);
        return scenario.injectOpen(injection);
    }

    @Override
    public void before() {
        receivers = WebhookReceivers.start(BASE_URL, "surge-hook", STAKEHOLDERS);
    }

    @Override
    public void after() {
        WebhookReceivers.awaitUntil(() -> notNotified() == 0, WAIT);
        for (int rate : RATES) {
            List<Duration> lags = new ArrayList<>();
            Map<String, Instant> accepted = ESCALATING_ACCEPTED.getOrDefault(rate, Map.of());
            accepted.forEach((incidentId, at) -> receivers.receivedAbout(incidentId).stream().min(Comparator.naturalOrder())
                    .ifPresent(first -> lags.add(Duration.between(at, first))));
            lags.sort(null);
            System.out.printf("surge step %d/s: %d escalating reports accepted, %d never notified; accepted → first "
                            + "webhook p50 %s, p99 %s, max %s%n", rate, accepted.size(), accepted.size() - lags.size(),
                    WebhookReceivers.percentile(lags, 50), WebhookReceivers.percentile(lags, 99),
                    WebhookReceivers.percentile(lags, 100));
        }
        receivers.close();
    }

    private long notNotified() {
        return ESCALATING_ACCEPTED.values().stream().flatMap(accepted -> accepted.keySet().stream())
                .filter(incidentId -> receivers.receivedAbout(incidentId).isEmpty())
                .count();
    }

    /** What a report is: one of a campaign's, unrelated, or unrelated and escalating. */
    private enum Kind {
        CAMPAIGN, UNRELATED, ESCALATING;

        static Kind draw() {
            int percent = ThreadLocalRandom.current().nextInt(100);
            return percent < 80 ? CAMPAIGN : percent < 80 + ESCALATING_PERCENT ? ESCALATING : UNRELATED;
        }
    }

    private static String report(Kind kind) {
        long n = SEQUENCE.incrementAndGet();
        if (kind == Kind.ESCALATING) {
            return WebhookReceivers.escalatingReport("Surge report " + n);
        }
        String observable = kind == Kind.CAMPAIGN
                ? "203.0.113." + (ThreadLocalRandom.current().nextInt(20) + 1)
                : "198.51." + (n / 250) % 256 + "." + (n % 250 + 1);
        return """
                {"title": "Surge report %d", "category": "availability:ddos", "sector": "games-ticketing",
                 "detectedAt": "%s", "observables": [{"type": "ipv4", "value": "%s"}]}
                """.formatted(n, Instant.now().minus(1, ChronoUnit.MINUTES), observable);
    }
}
