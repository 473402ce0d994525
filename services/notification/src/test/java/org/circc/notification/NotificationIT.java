package org.circc.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationPolicySavedEvent;
import org.circc.contracts.events.EscalationRemindedEvent;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.circc.contracts.identity.IdentityAssertion;
import org.circc.embedded.EmbeddedInfrastructure;
import org.circc.embedded.ReceivedMail;
import org.circc.notification.config.StakeholderSeeder;
import org.circc.platform.messaging.CloudEventHeaders;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notification on the embedded PostgreSQL, Kafka and SMTP with webhooks on real local HTTP servers: the directory
 * API and its events, deliveries with retries and dead letters, redaction end to end, and storm suppression. The
 * retry back-off and the suppression window are shortened so the whole class runs in seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.shutdown=immediate",
        "circc.notification.suppression-window=PT5S",
        "circc.notification.retry.initial-delay=PT0.2S",
        "circc.notification.retry.max-delay=PT0.4S",
        "circc.notification.retry.give-up-after=PT2S",
        "circc.notification.retry.jitter=0",
        "circc.notification.webhooks.timeout=PT3S",
        "circc.notification.webhooks.allow-private-targets=true",
        // the benchmark's fifty stakeholders share one endpoint, whose bulkhead would otherwise make them queue
        "circc.notification.webhooks.max-concurrent-per-endpoint=64"})
@DirtiesContext
class NotificationIT {

    private static final String SECRET = "whsec-integration-test";
    private static final Duration WINDOW = Duration.ofSeconds(5);
    private static final Map<String, HttpServer> HOOKS = new ConcurrentHashMap<>();
    /** the requests each hook path received, and how each answers its n-th request (from 1) */
    private static final Map<String, List<JsonNode>> RECEIVED = new ConcurrentHashMap<>();
    private static final Map<String, IntUnaryOperator> ANSWERS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springPropertiesFor("notification")
                .forEach((name, value) -> registry.add(name, () -> value));
    }

    /** Each hook path is its own endpoint (its own server and port), as distinct receivers would be. */
    private static String hook(String path) {
        HttpServer server = HOOKS.computeIfAbsent(path, NotificationIT::startHook);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static HttpServer startHook(String path) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext(path, exchange -> {
                List<JsonNode> received = RECEIVED.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
                received.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
                int status = ANSWERS.getOrDefault(path, n -> 200).applyAsInt(received.size());
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopHooks() {
        HOOKS.values().forEach(server -> server.stop(0));
    }

    @Autowired
    WebTestClient client;

    @Autowired
    IntegrationEventPublisher publisher;

    @Autowired
    @Qualifier("escalationEvents")
    Consumer<Message<byte[]>> escalationEvents;

    @Autowired
    StakeholderSeeder seeder;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meterRegistry;

    @Autowired
    ObjectMapper objectMapper;

    private WebTestClient.RequestHeadersSpec<?> as(String role, WebTestClient.RequestHeadersSpec<?> request) {
        return request.header(IdentityAssertion.PRINCIPAL, role + "-1")
                .header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, role);
    }

    private WebTestClient.ResponseSpec post(String uri, String body) {
        return as("coordinator", client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .exchange();
    }

    private JsonNode get(String uri) {
        return as("coordinator", client.get().uri(uri)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String webhookStakeholder(String id, String organisation, String path) {
        return """
                {"id": "%s", "name": "Hook %s", "kind": "organisation", "organisation": "%s", "clearance": "TLP:RED",
                 "channels": [{"type": "webhook", "url": "%s", "secret": "%s"}]}
                """.formatted(id, id, organisation, hook(path), SECRET);
    }

    private void register(String id, String organisation, String path) {
        post("/api/v1/stakeholders", webhookStakeholder(id, organisation, path)).expectStatus().isCreated();
    }

    private void publish(IntegrationEvent event) {
        publisher.publish(event, UUID.randomUUID().toString());
    }

    private static EscalationLevelRaisedEvent raised(CampaignId campaign, IncidentId incident, int level,
                                                     List<String> targets, Tlp tlp) {
        return new EscalationLevelRaisedEvent(UUID.randomUUID(), campaign, incident, level, targets,
                Instant.now().plusSeconds(300), Severity.HIGH, Sector.RAILWAYS, tlp, "test", Instant.now());
    }

    private JsonNode deliveriesOf(String stakeholderId) {
        return get("/api/v1/deliveries?stakeholderId=" + stakeholderId + "&size=500").path("items");
    }

    @Test
    void theSeededStakeholdersAreRegisteredAndPublishedOnceWhateverTheRestarts() {
        seeder.seed();
        seeder.seed();

        JsonNode listed = get("/api/v1/stakeholders?size=500");
        List<String> ids = new ArrayList<>();
        listed.path("items").forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).contains("responder-1", "duty-coordinator", "csirt-oncall", "circc-management",
                "rail-east-soc", "venue-tokyo-soc");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM DomainEventEntry WHERE type = 'DirectoryEntry' AND sequenceNumber = 0
                AND aggregateIdentifier IN ('responder-1', 'duty-coordinator', 'csirt-oncall', 'circc-management',
                                             'rail-east-soc', 'venue-tokyo-soc')
                """, Long.class)).isEqualTo(6);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(meterRegistry
                .find("circc.integration.events.published").tag("type", "org.circc.stakeholder.registered.v1")
                .counter()).isNotNull().satisfies(counter -> assertThat(counter.count()).isGreaterThanOrEqualTo(6)));
        JsonNode venue = get("/api/v1/stakeholders/venue-tokyo-soc");
        assertThat(venue.path("subscriptions").path("sectors").get(0).asText()).isEqualTo("games-*");
        assertThat(venue.path("clearance").asText()).isEqualTo("TLP:AMBER");
    }

    @Test
    void theDirectoryApiNeverReturnsSecretsAndRefusesWhatItsRulesForbid() {
        String body = webhookStakeholder("crud-hook", "rail-east", "/crud");
        JsonNode created = post("/api/v1/stakeholders", body).expectStatus().isCreated()
                .expectHeader().location("/api/v1/stakeholders/crud-hook")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(created.toString()).doesNotContain(SECRET).contains(hook("/crud"));
        assertThat(get("/api/v1/stakeholders/crud-hook").toString()).doesNotContain(SECRET);
        assertThat(get("/api/v1/stakeholders?size=500").toString()).doesNotContain(SECRET);

        post("/api/v1/stakeholders", body).expectStatus().isEqualTo(HttpStatus.CONFLICT);

        String withoutSecret = body.replace(", \"secret\": \"" + SECRET + "\"", "").replace("Hook crud-hook", "Renamed");
        as("coordinator", client.put().uri("/api/v1/stakeholders/crud-hook").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(withoutSecret)).exchange().expectStatus().isOk();
        assertThat(get("/api/v1/stakeholders/crud-hook").path("name").asText()).isEqualTo("Renamed");
        assertThat(jdbc.queryForObject("SELECT secret FROM webhook_secret WHERE stakeholder_id = 'crud-hook'",
                String.class)).as("a PUT without a secret keeps the stored one").isEqualTo(SECRET);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = "
                + "'crud-hook' AND convert_from(payload, 'UTF8') LIKE '%" + SECRET + "%'", Long.class))
                .as("no stored event holds the secret").isZero();

        as("coordinator", client.delete().uri("/api/v1/stakeholders/crud-hook")).exchange().expectStatus().isNoContent();
        as("coordinator", client.get().uri("/api/v1/stakeholders/crud-hook")).exchange().expectStatus().isNotFound();
        as("coordinator", client.delete().uri("/api/v1/stakeholders/crud-hook")).exchange().expectStatus().isNotFound();
    }

    @Test
    void invalidBodiesAreAnsweredWithEveryFieldError() {
        JsonNode problem = post("/api/v1/stakeholders", """
                {"id": "Not A Slug", "name": "", "kind": "robot", "organisation": "rail-east", "clearance": "TLP:PINK",
                 "channels": [{"type": "webhook", "url": "ftp://x", "secret": "short"}, {"type": "email", "address": "nope"},
                              {"type": "stream"}],
                 "subscriptions": {"sectors": ["trains"], "minSeverity": 9, "categories": ["nonsense"]}}
                """).expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("id", "name", "kind", "clearance", "channels[0].url",
                "channels[0].secret", "channels[1].address", "channels[2].type", "subscriptions.sectors[0]",
                "subscriptions.categories[0]", "subscriptions.minSeverity");
    }

    @Test
    void onlyCoordinatorsAndAdminsUseTheDirectory() {
        client.get().uri("/api/v1/stakeholders").header(IdentityAssertion.PRINCIPAL, "responder-1")
                .header(IdentityAssertion.ORGANISATION, "circc").header(IdentityAssertion.ROLES, "responder")
                .exchange().expectStatus().isForbidden();
        as("admin", client.get().uri("/api/v1/stakeholders")).exchange().expectStatus().isOk();
    }

    @Test
    void aStakeholderAPolicyTargetsCannotBeRemovedUntilItsLatestVersionNoLongerDoes() {
        register("policy-target", "rail-east", "/policy");
        publish(new EscalationPolicySavedEvent("it-policy", 2, Set.of("policy-target"), Actor.system("escalation"),
                Instant.now()));
        // an older version arriving late changes nothing
        publish(new EscalationPolicySavedEvent("it-policy", 1, Set.of(), Actor.system("escalation"), Instant.now()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("coordinator",
                client.delete().uri("/api/v1/stakeholders/policy-target")).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT));

        publish(new EscalationPolicySavedEvent("it-policy", 3, Set.of("csirt-oncall"), Actor.system("escalation"),
                Instant.now()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("coordinator",
                client.delete().uri("/api/v1/stakeholders/policy-target")).exchange().expectStatus().isNoContent());
    }

    @Test
    void webhooksAreRetriedUntilDeliveredOrDeadLetteredAndOneFailingEndpointHoldsUpNoOther() {
        register("flaky-hook", "rail-east", "/flaky");
        register("broken-hook", "rail-east", "/broken");
        register("healthy-hook", "rail-east", "/healthy");
        ANSWERS.put("/flaky", n -> n == 1 ? 503 : 200);
        ANSWERS.put("/broken", n -> 500);
        IncidentId incident = IncidentId.of(UUID.randomUUID().toString());
        CampaignId campaign = CampaignId.of(UUID.randomUUID().toString());

        publish(raised(campaign, incident, 1, List.of("flaky-hook", "broken-hook", "healthy-hook"), Tlp.AMBER));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(deliveriesOf("healthy-hook")).singleElement()
                    .satisfies(delivery -> assertThat(delivery.path("state").asText()).isEqualTo("DELIVERED"));
            assertThat(deliveriesOf("flaky-hook")).singleElement().satisfies(delivery -> {
                assertThat(delivery.path("state").asText()).isEqualTo("DELIVERED");
                assertThat(delivery.path("attempts")).hasSize(2);
                assertThat(delivery.path("attempts").get(0).path("outcome").asText()).isEqualTo("retryable-failure");
                assertThat(delivery.path("attempts").get(0).path("status").asInt()).isEqualTo(503);
                assertThat(delivery.path("attempts").get(1).path("status").asInt()).isEqualTo(200);
            });
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(deliveriesOf("broken-hook"))
                .singleElement().satisfies(delivery -> {
                    assertThat(delivery.path("state").asText()).isEqualTo("DEAD_LETTERED");
                    assertThat(delivery.path("attempts").size()).isGreaterThan(1);
                }));
        assertThat(RECEIVED.get("/healthy")).singleElement()
                .satisfies(body -> assertThat(body.path("incidentId").asText()).isEqualTo(incident.toString()));

        String deadLettered = deliveriesOf("broken-hook").get(0).path("deliveryId").asText();
        int attemptsBefore = deliveriesOf("broken-hook").get(0).path("attempts").size();
        ANSWERS.put("/broken", n -> 200);
        as("coordinator", client.post().uri("/api/v1/deliveries/" + deadLettered + "/resend")).exchange()
                .expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deliveriesOf("broken-hook"))
                .singleElement().satisfies(delivery -> {
                    assertThat(delivery.path("deliveryId").asText()).isEqualTo(deadLettered);
                    assertThat(delivery.path("state").asText()).isEqualTo("DELIVERED");
                    assertThat(delivery.path("attempts")).hasSize(attemptsBefore + 1);
                }));
        as("coordinator", client.post().uri("/api/v1/deliveries/" + deadLettered + "/resend")).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT);
        as("coordinator", client.post().uri("/api/v1/deliveries/" + UUID.randomUUID() + "/resend")).exchange()
                .expectStatus().isNotFound();
        assertThat(get("/api/v1/deliveries?incidentId=" + incident + "&state=DELIVERED").path("total").asInt())
                .isEqualTo(3);
    }

    @Test
    void detailsGoWhereTheTableAllowsAndARedactedNoticeEverywhereElse() {
        register("other-org-hook", "rail-east", "/other-org");
        register("reporter-hook", "venue-tokyo", "/reporter");
        IncidentId incident = IncidentId.of(UUID.randomUUID().toString());
        CampaignId campaign = CampaignId.of(UUID.randomUUID().toString());
        publish(new IncidentReportedEvent(incident, "Ticketing portal breach " + incident, "Sessions stolen",
                Category.parse("intrusions:system-compromise"), Sector.GAMES_TICKETING, Tlp.AMBER_STRICT,
                Impact.NONE, List.of("tickets.example.jp"),
                List.of(Observable.of("ipv4", "203.0.113.99")), "venue-tokyo", Instant.now(),
                Actor.principal("ops@venue-tokyo", "venue-tokyo"), Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM incident_details WHERE incident_id = ?", Long.class, incident.toString()) == 1);

        publish(raised(campaign, incident, 1, List.of("csirt-oncall", "other-org-hook", "reporter-hook"),
                Tlp.AMBER_STRICT));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(RECEIVED.get("/other-org")).singleElement().satisfies(body -> {
                assertThat(body.has("title")).isFalse();
                assertThat(body.toString()).doesNotContain("203.0.113.99");
            });
            assertThat(RECEIVED.get("/reporter")).singleElement().satisfies(body -> {
                assertThat(body.path("title").asText()).isEqualTo("Ticketing portal breach " + incident);
                assertThat(body.path("observables").get(0).path("value").asText()).isEqualTo("203.0.113.99");
            });
            assertThat(EmbeddedInfrastructure.shared().receivedMails())
                    .filteredOn(mail -> mail.recipient().equals("csirt-oncall@circc.localhost"))
                    .map(ReceivedMail::body)
                    .anySatisfy(body -> assertThat(body).contains("Ticketing portal breach " + incident));
        });
    }

    /** Sends an escalation event the way Kafka hands it to the consumer (with a fresh CloudEvents id). */
    private void consume(IntegrationEvent event) throws Exception {
        IntegrationEventCatalogue.Entry entry = IntegrationEventCatalogue.of(event.getClass());
        escalationEvents.accept(MessageBuilder.withPayload(objectMapper.writeValueAsBytes(event))
                .setHeader(CloudEventHeaders.SPEC_VERSION, "1.0")
                .setHeader(CloudEventHeaders.ID, UUID.randomUUID().toString())
                .setHeader(CloudEventHeaders.SOURCE, "/circc/escalation")
                .setHeader(CloudEventHeaders.TYPE, entry.type())
                .setHeader(CloudEventHeaders.SUBJECT, event.subject())
                .build());
    }

    @Test
    void aThousandEventsOfOneCampaignTellEachStakeholderOncePerLevelPerWindowPlusItsDigest() throws Exception {
        register("storm-hook", "rail-east", "/storm");
        IncidentId incident = IncidentId.of(UUID.randomUUID().toString());
        CampaignId campaign = CampaignId.of(UUID.randomUUID().toString());
        int events = 1_000;
        int threads = 4;

        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                sent.add(senders.submit(() -> {
                    for (int i = offset; i < events; i += threads) {
                        consume(raised(campaign, incident, 1 + i % 3, List.of("storm-hook"), Tlp.AMBER));
                    }
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            senders.shutdown();
        }
        Duration storm = Duration.ofNanos(System.nanoTime() - started);
        // a storm longer than the window legitimately opens further windows, each with its own message and digest
        long windowsPerLevel = storm.toMillis() / WINDOW.toMillis() + 1;

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> received = RECEIVED.getOrDefault("/storm", List.of());
            long told = received.stream().filter(body -> !body.path("eventType").asText().equals("digest")).count();
            long digested = received.stream().filter(body -> body.path("eventType").asText().equals("digest"))
                    .mapToInt(digest -> digest.path("items").size()).sum();
            assertThat(told + digested).as("every message is told or digested").isEqualTo(events);
        });
        List<JsonNode> received = RECEIVED.get("/storm");
        for (int level = 1; level <= 3; level++) {
            int atLevel = level;
            long told = received.stream().filter(body -> body.path("level").asInt() == atLevel
                    && body.path("eventType").asText().equals("escalation.level-raised")).count();
            long digests = received.stream().filter(body -> body.path("level").asInt() == atLevel
                    && body.path("eventType").asText().equals("digest")).count();
            assertThat(told).as("level %d told once per window", level).isBetween(1L, windowsPerLevel);
            assertThat(digests).as("level %d: at most one digest per window", level).isLessThanOrEqualTo(told);
        }
        if (storm.compareTo(WINDOW) < 0) {
            assertThat(received).as("a storm within one window: one message per level and its digest").hasSize(6);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveriesOf("storm-hook")).hasSize(received.size()));
    }

    @Test
    void aLinkedPrincipalsStreamReceivesItsStakeholdersNotices() throws Exception {
        IncidentId incident = IncidentId.of(UUID.randomUUID().toString());
        CampaignId campaign = CampaignId.of(UUID.randomUUID().toString());
        Flux<ServerSentEvent<String>> stream = client.get().uri("/api/v1/stream")
                .header(IdentityAssertion.PRINCIPAL, "responder-1").header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, "responder").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                }).getResponseBody();
        List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
        Disposable connection = stream.subscribe(events::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream()
                    .anyMatch(event -> "connected".equals(event.comment())));
            consume(raised(campaign, incident, 1, List.of("responder-1"), Tlp.RED));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events)
                    .filteredOn(event -> event.event() != null).singleElement().satisfies(event -> {
                        assertThat(event.event()).isEqualTo("escalation.level-raised");
                        assertThat(JSON.readTree(event.data()).path("incidentId").asText())
                                .isEqualTo(incident.toString());
                    }));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(get(
                    "/api/v1/deliveries?incidentId=" + incident + "&stakeholderId=responder-1&state=DELIVERED")
                    .path("items")).extracting(item -> item.path("channel").asText()).contains("stream", "email"));
        } finally {
            connection.dispose();
        }
        client.get().uri("/api/v1/stream").header(IdentityAssertion.PRINCIPAL, "ops@venue-tokyo")
                .header(IdentityAssertion.ORGANISATION, "venue-tokyo").header(IdentityAssertion.ROLES, "operator")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void remindersOfAnExhaustedEscalationAreNeverSuppressed() throws Exception {
        register("reminded-hook", "rail-east", "/reminded");
        IncidentId incident = IncidentId.of(UUID.randomUUID().toString());
        CampaignId campaign = CampaignId.of(UUID.randomUUID().toString());

        for (int i = 0; i < 4; i++) {
            consume(new EscalationRemindedEvent(UUID.randomUUID(), campaign, incident, 3, List.of("reminded-hook"),
                    Instant.now().plusSeconds(900), Severity.HIGH, Sector.RAILWAYS, Tlp.AMBER, Instant.now()));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(RECEIVED.get("/reminded"))
                .hasSize(4).allSatisfy(body -> assertThat(body.path("eventType").asText())
                        .isEqualTo("escalation.reminder")));
    }

    /**
     * Four campaigns' levels raised at once, each to fifty webhook targets: every target of every campaign has one
     * delivery, delivered after its level was raised, and each delivery is timed in the latency metric. How fast is
     * measured by bench/'s NotificationLatencySimulation, not here.
     */
    @Test
    void levelsRaisedToFiftyTargetsInFourCampaignsAreEachDeliveredOnceAndTimed() throws Exception {
        int targets = 50;
        int campaigns = 4;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < targets; i++) {
            register("fan-out-" + i, "rail-east", "/fan-out");
            ids.add("fan-out-" + i);
        }
        Map<String, Instant> raisedAt = new HashMap<>();
        for (int c = 0; c < campaigns; c++) {
            EscalationLevelRaisedEvent event = raised(CampaignId.of(UUID.randomUUID().toString()),
                    IncidentId.of(UUID.randomUUID().toString()), 1, ids, Tlp.AMBER);
            raisedAt.put(event.incidentId().toString(), event.occurredAt());
            consume(event);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM delivery WHERE stakeholder_id LIKE 'fan-out-%' AND state = 'DELIVERED'",
                Long.class)).isEqualTo((long) targets * campaigns));

        record Delivered(String incidentId, String stakeholderId, Instant deliveredAt) {
        }
        List<Delivered> deliveries = jdbc.query("SELECT incident_id, stakeholder_id, delivered_at FROM delivery "
                + "WHERE stakeholder_id LIKE 'fan-out-%'", (rs, row) -> new Delivered(rs.getString(1),
                rs.getString(2), rs.getTimestamp(3).toInstant()));
        assertThat(deliveries).hasSize(targets * campaigns)
                .allSatisfy(delivery -> assertThat(delivery.deliveredAt())
                        .isAfterOrEqualTo(raisedAt.get(delivery.incidentId()).truncatedTo(ChronoUnit.MILLIS)));
        assertThat(deliveries.stream().map(delivery -> delivery.incidentId() + "/" + delivery.stakeholderId())
                .distinct()).hasSize(targets * campaigns);
        assertThat(meterRegistry.find("circc.notification.delivery.latency").tag("channel", "webhook").timer())
                .isNotNull().satisfies(timer -> assertThat(timer.count()).isGreaterThanOrEqualTo(deliveries.size()));
    }
}
