package org.circc.notification.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.notification.command.AttemptOutcome;
import org.circc.notification.command.DeliveryAttemptDueEvent;
import org.circc.notification.command.Notice;
import org.circc.notification.command.WebhookSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhook attempts against real HTTP servers on 127.0.0.1 (the JDK's). */
class WebhookChannelTest {

    private static final String SECRET = "whsec-0123456789abcdef";
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final Notice REDACTED = new Notice(Notice.LEVEL_RAISED, INCIDENT,
            CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b"), 1, Severity.HIGH, Sector.RAILWAYS, Tlp.AMBER,
            "/api/v1/incidents/" + INCIDENT, null, null);
    private static final Notice DETAILED = new Notice(Notice.LEVEL_RAISED, INCIDENT, REDACTED.campaignId(), 1,
            Severity.HIGH, Sector.RAILWAYS, Tlp.AMBER, REDACTED.link(), new Notice.Details("Signalling outage",
            "Interlocking unreachable", List.of(Observable.of("ipv4", "203.0.113.7"))), null);
    /** generous: the first call of a test warms up the HTTP client on a busy machine */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ObjectMapper objectMapper = Jackson2ObjectMapperBuilder.json().build();
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    /** One request as the server saw it. */
    private record Received(String signature, byte[] body) {
    }

    @AfterEach
    void stopServers() {
        release.countDown();
        servers.forEach(server -> server.stop(0));
        serverThreads.shutdownNow();
    }

    /** A server on 127.0.0.1 answering each request with the status {@code statuses} gives next. */
    private String server(List<Received> received, IntSupplier statuses) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> answer(exchange, received, statuses.getAsInt()));
        server.setExecutor(serverThreads);
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** A server that holds every request until the test ends. */
    private String stuckServer(AtomicInteger requests) throws IOException {
        return server(new CopyOnWriteArrayList<>(), () -> {
            requests.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
    }

    private static void answer(HttpExchange exchange, List<Received> received, int status) throws IOException {
        received.add(new Received(exchange.getRequestHeaders().getFirst("X-CIRCC-Signature"),
                exchange.getRequestBody().readAllBytes()));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** The test's secret for every webhook, except those of stakeholder {@code no-secret}. */
    private static final WebhookSecrets SECRETS = new WebhookSecrets() {
        @Override
        public void replace(String stakeholderId, Map<String, String> secretsByUrl) {
            throw new UnsupportedOperationException("the channel only reads secrets");
        }

        @Override
        public Map<String, String> of(String stakeholderId) {
            throw new UnsupportedOperationException("the channel reads one secret at a time");
        }

        @Override
        public Optional<String> secretFor(String stakeholderId, String url) {
            return "no-secret".equals(stakeholderId) ? Optional.empty() : Optional.of(SECRET);
        }
    };

    private WebhookChannel channel(boolean allowPrivateTargets, int maxConcurrent, int minimumCalls) {
        return channel(allowPrivateTargets, maxConcurrent, minimumCalls, TIMEOUT);
    }

    private WebhookChannel channel(boolean allowPrivateTargets, int maxConcurrent, int minimumCalls,
                                   Duration timeout) {
        return new WebhookChannel(WebClient.create(), SECRETS, new TargetGuard(allowPrivateTargets),
                CircuitBreakerRegistry.of(CircuitBreakerConfig.custom().slidingWindowSize(minimumCalls)
                        .minimumNumberOfCalls(minimumCalls).failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofMinutes(1)).build()),
                BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(maxConcurrent).build()),
                objectMapper, Clock.systemUTC(), timeout);
    }

    private WebhookChannel channel() {
        return channel(true, 4, 100);
    }

    private static DeliveryAttemptDueEvent due(String url, Notice notice) {
        return due("rail-east-soc", url, notice);
    }

    private static DeliveryAttemptDueEvent due(String stakeholderId, String url, Notice notice) {
        return new DeliveryAttemptDueEvent(UUID.randomUUID(), stakeholderId, "webhook", url, notice, 1, Instant.now());
    }

    private static AttemptResult await(Mono<AttemptResult> attempt) {
        return attempt.block(Duration.ofSeconds(10));
    }

    @Test
    void aTwoHundredDeliversTheSignedNoticeWithItsDetails() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        String url = server(received, () -> 200);
        DeliveryAttemptDueEvent due = due(url, DETAILED);

        assertThat(await(channel().attempt(due))).isEqualTo(AttemptResult.delivered(200));

        assertThat(received).hasSize(1);
        JsonNode body = objectMapper.readTree(received.get(0).body());
        assertThat(body.path("deliveryId").asText()).isEqualTo(due.deliveryId().toString());
        assertThat(body.path("eventType").asText()).isEqualTo("escalation.level-raised");
        assertThat(body.path("incidentId").asText()).isEqualTo(INCIDENT.toString());
        assertThat(body.path("tlp").asText()).isEqualTo("TLP:AMBER");
        assertThat(body.path("severity").path("level").asInt()).isEqualTo(3);
        assertThat(body.path("title").asText()).isEqualTo("Signalling outage");
        assertThat(body.path("observables").get(0).path("value").asText()).isEqualTo("203.0.113.7");
        assertThat(body.path("links").path("incident").asText()).isEqualTo("/api/v1/incidents/" + INCIDENT);
    }

    @Test
    void theSignatureVerifiesWithTheEndpointsSecretAndNotWithAnother() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        String url = server(received, () -> 204);
        long before = Instant.now().getEpochSecond();

        await(channel().attempt(due(url, REDACTED)));

        Received request = received.get(0);
        assertThat(request.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = request.signature().substring(2, request.signature().indexOf(','));
        String v1 = request.signature().substring(request.signature().indexOf("v1=") + 3);
        assertThat(Long.parseLong(t)).isBetween(before, Instant.now().getEpochSecond());
        assertThat(v1).isEqualTo(hmacSha256Hex(SECRET, t + "." + new String(request.body(), StandardCharsets.UTF_8)));
        assertThat(v1).isNotEqualTo(hmacSha256Hex("another-secret-entirely", t + "."
                + new String(request.body(), StandardCharsets.UTF_8)));
    }

    /** What a receiver computes, written independently of {@link WebhookSignature}. */
    private static String hmacSha256Hex(String secret, String signed) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    @Test
    void aRedactedNoticeCarriesNoTitleDescriptionOrObservables() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        String url = server(received, () -> 200);

        await(channel().attempt(due(url, REDACTED)));

        JsonNode body = objectMapper.readTree(received.get(0).body());
        assertThat(body.has("title")).isFalse();
        assertThat(body.has("description")).isFalse();
        assertThat(body.has("observables")).isFalse();
        assertThat(body.path("sector").asText()).isEqualTo("railways");
    }

    @Test
    void serverErrorsTooManyRequestsAndRequestTimeoutsAreRetryableOtherClientErrorsAreNot() throws Exception {
        WebhookChannel channel = channel();
        for (int status : new int[] {500, 502, 503, 408, 429}) {
            AttemptResult result = await(channel.attempt(due(server(new CopyOnWriteArrayList<>(), () -> status),
                    REDACTED)));
            assertThat(result).as("HTTP %d", status).isEqualTo(AttemptResult.retryable(status, "HTTP " + status));
        }
        for (int status : new int[] {400, 401, 404, 410}) {
            AttemptResult result = await(channel.attempt(due(server(new CopyOnWriteArrayList<>(), () -> status),
                    REDACTED)));
            assertThat(result).as("HTTP %d", status).isEqualTo(AttemptResult.permanent(status, "HTTP " + status));
        }
    }

    @Test
    void aServerErrorThenSuccessDeliversOnTheSecondAttempt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String url = server(new CopyOnWriteArrayList<>(), () -> calls.incrementAndGet() == 1 ? 503 : 200);
        WebhookChannel channel = channel();

        assertThat(await(channel.attempt(due(url, REDACTED))).outcome()).isEqualTo(AttemptOutcome.RETRYABLE_FAILURE);
        assertThat(await(channel.attempt(due(url, REDACTED)))).isEqualTo(AttemptResult.delivered(200));
    }

    @Test
    void anEndpointThatDoesNotAnswerInTimeIsARetryableFailure() throws Exception {
        String url = stuckServer(new AtomicInteger());
        long started = System.nanoTime();

        AttemptResult result = await(channel(true, 4, 100, Duration.ofMillis(500)).attempt(due(url, REDACTED)));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.RETRYABLE_FAILURE);
        assertThat(result.error()).contains("no answer within 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aSlowEndpointNeitherDelaysAnotherNorTakesMoreThanItsBulkhead() throws Exception {
        AtomicInteger slowRequests = new AtomicInteger();
        String slow = stuckServer(slowRequests);
        String fast = server(new CopyOnWriteArrayList<>(), () -> 200);
        WebhookChannel channel = new WebhookChannel(WebClient.create(), SECRETS, new TargetGuard(true),
                CircuitBreakerRegistry.ofDefaults(),
                BulkheadRegistry.of(BulkheadConfig.custom().maxConcurrentCalls(2).build()), objectMapper,
                Clock.systemUTC(), Duration.ofSeconds(20));

        List<Mono<AttemptResult>> slowAttempts = List.of(channel.attempt(due(slow, REDACTED)).cache(),
                channel.attempt(due(slow, REDACTED)).cache());
        slowAttempts.forEach(Mono::subscribe);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> slowRequests.get() == 2);

        AttemptResult third = await(channel.attempt(due(slow, REDACTED)));
        long started = System.nanoTime();
        AttemptResult other = await(channel.attempt(due(fast, REDACTED)));

        assertThat(third.outcome()).isEqualTo(AttemptOutcome.RETRYABLE_FAILURE);
        assertThat(third.error()).contains("too many deliveries in flight");
        assertThat(slowRequests).hasValue(2);
        assertThat(other).isEqualTo(AttemptResult.delivered(200));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aPermanentlyFailingEndpointOpensItsCircuitWhileOthersAreStillDelivered() throws Exception {
        AtomicInteger failingRequests = new AtomicInteger();
        String failing = server(new CopyOnWriteArrayList<>(), () -> {
            failingRequests.incrementAndGet();
            return 500;
        });
        String healthy = server(new CopyOnWriteArrayList<>(), () -> 200);
        WebhookChannel channel = channel(true, 4, 4);

        for (int i = 0; i < 4; i++) {
            assertThat(await(channel.attempt(due(failing, REDACTED))).status()).isEqualTo(500);
        }
        AttemptResult refused = await(channel.attempt(due(failing, REDACTED)));

        assertThat(refused.outcome()).isEqualTo(AttemptOutcome.RETRYABLE_FAILURE);
        assertThat(refused.error()).startsWith("circuit open for http://127.0.0.1:");
        assertThat(failingRequests).as("an open circuit sends nothing").hasValue(4);
        assertThat(await(channel.attempt(due(healthy, REDACTED)))).isEqualTo(AttemptResult.delivered(200));
    }

    @Test
    void loopbackTargetsAreRefusedOutsideTheEmbeddedDefault() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        String url = server(received, () -> 200);

        AttemptResult result = await(channel(false, 4, 100).attempt(due(url, REDACTED)));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.PERMANENT_FAILURE);
        assertThat(result.error()).contains("loopback or private");
        assertThat(received).isEmpty();
    }

    @Test
    void aWebhookWhoseSecretIsGoneIsNotCalled() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        String url = server(received, () -> 200);

        AttemptResult result = await(channel().attempt(due("no-secret", url, REDACTED)));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.PERMANENT_FAILURE);
        assertThat(received).isEmpty();
    }

    @Test
    void aRefusedConnectionIsRetryable() {
        AttemptResult result = await(channel().attempt(due("http://127.0.0.1:1/hook", REDACTED)));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.RETRYABLE_FAILURE);
        assertThat(result.status()).isNull();
    }
}
