package org.circc.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway with the {@code local} profile's five API keys, on 127.0.0.1, in front of stand-in services:
 * intake, escalation and timeline are {@link EchoBackend}s; triage and notification point at a closed port.
 * Non-streaming routes time out after 3 s, {@code escalation-policies} after 500 ms; {@code timeline-reads} lets two
 * requests be in flight at once. All subclasses share one
 * application context and one set of backends. Metrics export is on, as in production, so prometheus is there.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "server.shutdown=immediate",
        "circc.gateway.response-timeout=3s",
        "circc.gateway.routes.escalation-policies.response-timeout=500ms",
        "circc.gateway.routes.timeline-reads.max-concurrent-calls=2",
        "circc.gateway.retry-after=7s"})
@ActiveProfiles("local")
public abstract class GatewayTestSupport {

    protected static final EchoBackend INTAKE = EchoBackend.start("intake");
    protected static final EchoBackend ESCALATION = EchoBackend.start("escalation");
    protected static final EchoBackend TIMELINE = EchoBackend.start("timeline");
    protected static final int CLOSED_PORT = closedPort();

    protected static final String OPERATOR_KEY = "op-venue-key";
    protected static final String RESPONDER_KEY = "resp-key";
    protected static final String COORDINATOR_KEY = "coord-key";
    protected static final String ADMIN_KEY = "admin-key";

    @LocalServerPort
    protected int port;

    protected WebTestClient client;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("circc.gateway.services.intake", () -> INTAKE.uri().toString());
        registry.add("circc.gateway.services.escalation", () -> ESCALATION.uri().toString());
        registry.add("circc.gateway.services.timeline", () -> TIMELINE.uri().toString());
        registry.add("circc.gateway.services.triage", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("circc.gateway.services.notification", () -> "http://127.0.0.1:" + CLOSED_PORT);
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    protected static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    /** Asserts an RFC 9457 problem+json answer with the given status and returns its body. */
    protected static Map<String, Object> assertProblem(WebTestClient.ResponseSpec response, int status) {
        Map<String, Object> problem = response
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();
        assertThat(problem).isNotNull();
        assertThat(problem).containsEntry("status", status);
        assertThat((String) problem.get("type")).startsWith("urn:circc:problem:");
        assertThat(problem.get("title")).asString().isNotBlank();
        assertThat(problem.get("detail")).asString().isNotBlank();
        return problem;
    }

    /** A loopback port nobody listens on: bound once to get a free number, then closed. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
