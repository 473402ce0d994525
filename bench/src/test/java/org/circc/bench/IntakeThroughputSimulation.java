package org.circc.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Accepted reports per second through the gateway for a closed model of {@code clients} concurrent clients, each
 * sending its next report as soon as the previous one was accepted (202), for {@code seconds}. Run against a
 * platform started with {@code ./run-local}; see docs/benchmarks.md.
 */
public class IntakeThroughputSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private static final int CLIENTS = Integer.getInteger("clients", 1);
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("seconds", 60));
    private static final String API_KEY = System.getProperty("apiKey", "op-venue-key");
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String[] SECTORS = {"games-ticketing", "games-venue-operations", "railways", "electric-power"};
    private static final String[] CATEGORIES = {"availability:ddos", "intrusion-attempts", "malicious-code:ransomware"};

    private final HttpProtocolBuilder protocol = http
            .baseUrl(BASE_URL)
            .contentTypeHeader("application/json")
            .header("X-API-Key", API_KEY);

    private final ScenarioBuilder reporting = scenario("report incidents")
            .forever().on(http("POST /api/v1/incidents")
                    .post("/api/v1/incidents")
                    .body(StringBody(session -> report()))
                    .check(status().is(202)));

    {
        setUp(reporting.injectClosed(constantConcurrentUsers(CLIENTS).during(DURATION)))
                .protocols(protocol)
                .maxDuration(DURATION)
                .assertions(global().failedRequests().count().is(0L));
    }

    /** A realistic report: its own title and observable, one of a few sectors and categories. */
    private static String report() {
        long n = SEQUENCE.incrementAndGet();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return """
                {"title": "Benchmark report %d", "description": "generated load",
                 "category": "%s", "sector": "%s", "detectedAt": "%s", "tlp": "TLP:AMBER",
                 "impact": {"functional": "medium", "information": "none", "recoverability": "regular"},
                 "observables": [{"type": "ipv4", "value": "198.51.%d.%d"}]}
                """.formatted(n, CATEGORIES[random.nextInt(CATEGORIES.length)],
                SECTORS[random.nextInt(SECTORS.length)], Instant.now().minus(1, ChronoUnit.MINUTES),
                (n / 250) % 256, n % 250 + 1);
    }
}
