package org.circc.bench;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.circc.contracts.identity.IdentityAssertion;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Issue 10, scenario 2: {@code reports} reports (10,000; a multiple of {@code clients}) of one campaign — one shared observable, one target —
 * from 50 organisations, as fast as intake accepts them from {@code clients} clients, each sending its share. The reports go
 * straight to intake with signed identities, so the 50 organisations need no gateway configuration; what is
 * measured is what the storm does downstream (docs/benchmarks.md says how to count campaigns, escalations and
 * notifications afterwards).
 */
public class StormCollapseSimulation extends Simulation {

    private static final String INTAKE_URL = System.getProperty("intakeUrl", "http://127.0.0.1:8081");
    private static final int REPORTS = Integer.getInteger("reports", 10_000);
    private static final int CLIENTS = Integer.getInteger("clients", 16);
    private static final int ORGANISATIONS = 50;
    private static final String PATH = "/api/v1/incidents";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final HttpProtocolBuilder protocol = http.baseUrl(INTAKE_URL).contentTypeHeader("application/json")
            .shareConnections();

    private final ScenarioBuilder storm = scenario("storm")
            .repeat(REPORTS / CLIENTS).on(
                    exec(session -> session.set("n", SEQUENCE.incrementAndGet()))
                            .exec(http("report of the campaign")
                                    .post(PATH)
                                    .header(IdentityAssertion.PRINCIPAL, session -> "ops@" + organisation(session.getLong("n")))
                                    .header(IdentityAssertion.ORGANISATION, session -> organisation(session.getLong("n")))
                                    .header(IdentityAssertion.ROLES, "operator")
                                    .header(IdentityAssertion.SIGNATURE, session -> SignedIdentity.signature(
                                            "ops@" + organisation(session.getLong("n")), organisation(session.getLong("n")),
                                            "operator", "POST", PATH))
                                    .body(StringBody(session -> report(session.getLong("n"))))
                                    .check(status().is(202))));

    {
        setUp(storm.injectOpen(atOnceUsers(CLIENTS)))
                .protocols(protocol)
                .maxDuration(Duration.ofMinutes(30))
                .assertions(global().failedRequests().count().is(0L));
    }

    private static String organisation(long n) {
        return "storm-org-" + (n % ORGANISATIONS);
    }

    private static String report(long n) {
        return """
                {"title": "Storm report %d", "category": "availability:ddos", "sector": "games-ticketing",
                 "detectedAt": "%s", "tlp": "TLP:AMBER",
                 "impact": {"functional": "medium", "information": "none", "recoverability": "regular"},
                 "affectedAssets": ["tickets.example.jp"],
                 "observables": [{"type": "ipv4", "value": "203.0.113.66"}]}
                """.formatted(n, Instant.now().minus(1, ChronoUnit.MINUTES));
    }
}
