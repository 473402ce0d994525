package org.circc.bench;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 10, scenario 1: an open model stepping up through {@code rates} reports/s (default 250, 500, 1000, 2000,
 * 4000), {@code seconds} at each, through the gateway; 80% of the reports belong to 20 campaigns (a shared
 * observable each), 20% are unrelated. Each step is its own scenario, so Gatling's report gives accepted/s,
 * latency percentiles and errors per step; the knee is the first step whose accepted rate falls behind the
 * offered one or whose errors rise. Errors are counted, not asserted: past the knee they are the measurement.
 */
public class SurgeIntakeSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private static final int[] RATES = Arrays.stream(System.getProperty("rates", "250,500,1000,2000,4000").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final Duration STEP = Duration.ofSeconds(Integer.getInteger("seconds", 30));
    private static final String[] API_KEYS = {"op-venue-key", "op-rail-key"};
    private static final AtomicLong SEQUENCE = new AtomicLong();

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

    private PopulationBuilder step(int rate) {
        ScenarioBuilder scenario = scenario("step " + rate + "/s").exec(http("report at " + rate + "/s")
                .post("/api/v1/incidents")
                .header("X-API-Key", session -> API_KEYS[ThreadLocalRandom.current().nextInt(API_KEYS.length)])
                .body(StringBody(session -> report()))
                .check(status().is(202)));
        OpenInjectionStep injection = constantUsersPerSec(rate).during(STEP);
        return scenario.injectOpen(injection);
    }

    private static String report() {
        long n = SEQUENCE.incrementAndGet();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String observable = random.nextInt(100) < 80
                ? "203.0.113." + (random.nextInt(20) + 1)
                : "198.51." + (n / 250) % 256 + "." + (n % 250 + 1);
        return """
                {"title": "Surge report %d", "category": "availability:ddos", "sector": "games-ticketing",
                 "detectedAt": "%s", "observables": [{"type": "ipv4", "value": "%s"}]}
                """.formatted(n, Instant.now().minus(1, ChronoUnit.MINUTES), observable);
    }
}
