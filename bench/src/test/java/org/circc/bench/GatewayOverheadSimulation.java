package org.circc.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
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
 * What the gateway adds: the same reports, by the same number of closed-model clients, straight to intake (signing
 * the identity headers as the gateway would) and through the gateway (API key), in alternating phases of one run, so
 * both kinds see the same platform and the same machine. Needs the platform started with a known
 * {@code CIRCC_IDENTITY_SIGNING_SECRET} (docs/benchmarks.md).
 */
public class GatewayOverheadSimulation extends Simulation {

    private static final String GATEWAY_URL = System.getProperty("baseUrl", "http://127.0.0.1:8080");
    private static final String INTAKE_URL = System.getProperty("intakeUrl", "http://127.0.0.1:8081");
    private static final int CLIENTS = Integer.getInteger("clients", 8);
    private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("seconds", 60));
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private static final String PRINCIPAL = "ops@venue-tokyo";
    private static final String ORGANISATION = "venue-tokyo";
    private static final String ROLES = "operator";
    private static final String PATH = "/api/v1/incidents";

    private final HttpProtocolBuilder protocol = http.contentTypeHeader("application/json").shareConnections();

    private final ChainBuilder direct = exec(http("direct to intake")
            .post(INTAKE_URL + PATH)
            .header(IdentityAssertion.PRINCIPAL, PRINCIPAL)
            .header(IdentityAssertion.ORGANISATION, ORGANISATION)
            .header(IdentityAssertion.ROLES, ROLES)
            .header(IdentityAssertion.SIGNATURE, session -> SignedIdentity.signature(PRINCIPAL, ORGANISATION, ROLES, "POST", PATH))
            .body(StringBody(session -> report()))
            .check(status().is(202)));

    private final ChainBuilder throughGateway = exec(http("through the gateway")
            .post(GATEWAY_URL + PATH)
            .header("X-API-Key", "op-venue-key")
            .body(StringBody(session -> report()))
            .check(status().is(202)));

    {
        // Direct, gateway, gateway, direct: each kind gets one early and one late phase, so the backlog the platform
        // builds up during the run weighs on both kinds alike.
        setUp(phase("direct, first", direct)
                .andThen(phase("gateway, first", throughGateway)
                        .andThen(phase("gateway, second", throughGateway)
                                .andThen(phase("direct, second", direct)))))
                .protocols(protocol)
                .maxDuration(PHASE.multipliedBy(4).plusSeconds(60))
                .assertions(global().failedRequests().count().is(0L));
    }

    private static PopulationBuilder phase(String name, ChainBuilder request) {
        return scenario(name).during(PHASE).on(request).injectOpen(atOnceUsers(CLIENTS));
    }

    private static String report() {
        long n = SEQUENCE.incrementAndGet();
        return """
                {"title": "Overhead report %d", "category": "availability:ddos", "sector": "games-ticketing",
                 "detectedAt": "%s", "observables": [{"type": "ipv4", "value": "203.0.%d.%d"}]}
                """.formatted(n, Instant.now().minus(1, ChronoUnit.MINUTES), (n / 250) % 256, n % 250 + 1);
    }
}
