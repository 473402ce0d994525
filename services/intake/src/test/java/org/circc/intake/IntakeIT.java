package org.circc.intake;

import org.circc.contracts.identity.IdentityAssertion;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.CampaignMergedEvent;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.StakeholderKind;
import org.circc.contracts.events.StakeholderRegisteredEvent;
import org.circc.contracts.events.StakeholderSnapshot;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Severity;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.embedded.EmbeddedInfrastructure;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Intake on the embedded PostgreSQL and Kafka: Idempotency-Key under concurrency, and status from triage's events. */
// closed after the class, while the shared infrastructure still runs (its shutdown hook would otherwise stop Kafka
// under the closing context, whose producers then wait out their close timeout), and without waiting for the
// test client's pooled keep-alive connections
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@org.springframework.test.annotation.DirtiesContext
class IntakeIT {

    private static final String EXAMPLE = """
            {
              "title": "DDoS on the ticketing portal",
              "description": "Sustained SYN flood since 10:10",
              "category": "availability:ddos",
              "sector": "games-ticketing",
              "detectedAt": "2026-07-24T10:15:00Z",
              "tlp": "TLP:AMBER",
              "impact": {"functional": "high", "information": "none", "recoverability": "regular"},
              "affectedAssets": ["tickets.example.jp"],
              "observables": [{"type": "ipv4", "value": "203.0.113.7"}]
            }
            """;

    /** The same body: other key order, other whitespace. */
    private static final String EXAMPLE_REORDERED = """
            {"observables":[{"value":"203.0.113.7","type":"ipv4"}],"affectedAssets":["tickets.example.jp"],
             "impact":{"recoverability":"regular","information":"none","functional":"high"},"tlp":"TLP:AMBER",
             "detectedAt":"2026-07-24T10:15:00Z","sector":"games-ticketing","category":"availability:ddos",
             "description":"Sustained SYN flood since 10:10","title":"DDoS on the ticketing portal"}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springPropertiesFor("intake")
                .forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    WebTestClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IntegrationEventPublisher publisher;

    @Autowired
    org.circc.intake.web.IdempotentSubmissions submissions;

    @Autowired
    com.github.kagkarlsson.scheduler.Scheduler scheduler;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meterRegistry;

    @Test
    void theSameKeyAndBodyAnswerTheOriginalIncident() {
        String key = UUID.randomUUID().toString();

        EntityExchangeResult<JsonNode> first = report("venue-tokyo", key, EXAMPLE, HttpStatus.ACCEPTED);
        EntityExchangeResult<JsonNode> second = report("venue-tokyo", key, EXAMPLE_REORDERED, HttpStatus.ACCEPTED);

        String id = first.getResponseBody().path("incidentId").asText();
        assertThat(second.getResponseBody().path("incidentId").asText()).isEqualTo(id);
        assertThat(second.getResponseHeaders().getLocation()).isEqualTo(first.getResponseHeaders().getLocation());
        assertThat(reportedEvents(id)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsUnprocessable() {
        String key = UUID.randomUUID().toString();
        report("venue-tokyo", key, EXAMPLE, HttpStatus.ACCEPTED);

        JsonNode problem = report("venue-tokyo", key, EXAMPLE.replace("DDoS on", "Flood on"),
                HttpStatus.UNPROCESSABLE_ENTITY).getResponseBody();
        assertThat(problem.path("detail").asText()).contains("Idempotency-Key");
    }

    @Test
    void keysOlderThanTheRetentionArePurgedAndYoungerOnesKept() {
        String old = UUID.randomUUID().toString();
        String young = UUID.randomUUID().toString();
        report("venue-tokyo", old, EXAMPLE, HttpStatus.ACCEPTED);
        report("venue-tokyo", young, EXAMPLE, HttpStatus.ACCEPTED);
        jdbc.update("UPDATE idempotency_key SET created_at = now() - interval '49 hours' WHERE idempotency_key = ?", old);

        submissions.purgeClaimedBefore(Instant.now().minus(org.circc.intake.web.IdempotentSubmissions.RETENTION));

        assertThat(jdbc.queryForList("SELECT idempotency_key FROM idempotency_key WHERE idempotency_key IN (?, ?)",
                String.class, old, young)).containsExactly(young);
    }

    @Test
    void keysAreScopedToTheOrganisation() {
        String key = UUID.randomUUID().toString();

        String venue = report("venue-tokyo", key, EXAMPLE, HttpStatus.ACCEPTED).getResponseBody().path("incidentId").asText();
        String rail = report("rail-east", key, EXAMPLE, HttpStatus.ACCEPTED).getResponseBody().path("incidentId").asText();

        assertThat(rail).isNotEqualTo(venue);
    }

    @Test
    void concurrentDuplicatesCreateOneIncident() throws Exception {
        String key = UUID.randomUUID().toString();
        int requests = 8;
        long before = allReportedEvents();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(requests);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(executor.submit(() -> {
                    start.await();
                    return report("venue-tokyo", key, EXAMPLE, HttpStatus.ACCEPTED).getResponseBody()
                            .path("incidentId").asText();
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get());
            }

            assertThat(ids).hasSize(requests).containsOnly(ids.get(0));
            assertThat(reportedEvents(ids.get(0))).isEqualTo(1);
            assertThat(allReportedEvents() - before).isEqualTo(1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aBurstWithTenPercentDuplicateKeysCreatesExactlyTheDistinctIncidents() throws Exception {
        int distinct = 180;
        List<String[]> requests = new ArrayList<>();
        String prefix = UUID.randomUUID().toString();
        for (int i = 0; i < distinct; i++) {
            requests.add(new String[] {prefix + "-" + i, EXAMPLE.replace("DDoS on the ticketing portal", "Burst " + i)});
        }
        for (int i = 0; i < distinct / 9; i++) {
            requests.add(requests.get(i * 9));
        }
        java.util.Collections.shuffle(requests, new java.util.Random(42));
        long before = allReportedEvents();
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (String[] request : requests) {
                answers.add(executor.submit(() -> request[0] + "=" + report("venue-tokyo", request[0], request[1],
                        HttpStatus.ACCEPTED).getResponseBody().path("incidentId").asText()));
            }
            java.util.Set<String> keyToId = new java.util.HashSet<>();
            for (Future<String> answer : answers) {
                keyToId.add(answer.get());
            }

            assertThat(requests).hasSize(200);
            assertThat(keyToId).as("each key answers one incident").hasSize(distinct);
            assertThat(allReportedEvents() - before).isEqualTo(distinct);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void triagesEventMovesTheIncidentToTriagedOnce() {
        String id = report("venue-tokyo", null, EXAMPLE, HttpStatus.ACCEPTED).getResponseBody().path("incidentId").asText();
        IncidentTriagedEvent triaged = new IncidentTriagedEvent(IncidentId.of(id), CampaignId.newId(), Severity.HIGH,
                50.0, List.of(), Actor.system("triage"), Instant.now());
        String eventId = UUID.randomUUID().toString();

        publisher.publish(triaged, eventId);
        publisher.publish(triaged, eventId);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(statusChanges(id)).isEqualTo(1));
        client.post().uri("/api/v1/incidents/" + id + "/contain")
                .headers(h -> {
                    h.set(IdentityAssertion.PRINCIPAL, "responder-1");
                    h.set(IdentityAssertion.ORGANISATION, "circc");
                    h.set(IdentityAssertion.ROLES, "responder");
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"summary\": \"filtered upstream\"}")
                .exchange().expectStatus().isAccepted();
        assertThat(statusChanges(id)).isEqualTo(2);
        assertThat(meterRegistry.get("circc.intake.transitions").tag("to", "CONTAINED").counter().count()).isPositive();
        assertThat(meterRegistry.get("circc.intake.detection.delay").timer().count()).isPositive();
        assertThat(meterRegistry.get("circc.intake.reports").tag("outcome", "accepted").counters()).isNotEmpty();
    }

    @Test
    void membersFollowTheirCampaignsChainLateJoinersAndMergedCampaignsIncluded() {
        IncidentId first = reportedIncident();
        IncidentId lateJoiner = reportedIncident();
        IncidentId elsewhere = reportedIncident();
        CampaignId campaign = CampaignId.newId();
        CampaignId mergedAway = CampaignId.newId();
        UUID escalation = UUID.randomUUID();
        Instant now = Instant.now();

        publish(new IncidentTriagedEvent(first, campaign, Severity.HIGH, 60, List.of(), Actor.system("triage"), now));
        publish(new IncidentTriagedEvent(elsewhere, mergedAway, Severity.LOW, 20, List.of(), Actor.system("triage"), now));
        publish(new EscalationLevelRaisedEvent(escalation, campaign, first, 1, List.of("csirt-oncall"),
                now.plusSeconds(300), Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER, "severity reached 3", now));
        publish(new IncidentTriagedEvent(lateJoiner, campaign, Severity.LOW, 20, List.of(), Actor.system("triage"), now));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(statusOf(first)).isEqualTo("ESCALATED");
            assertThat(statusOf(lateJoiner)).isEqualTo("ESCALATED");
        });
        assertThat(statusOf(elsewhere)).isEqualTo("TRIAGED");

        Actor responder = Actor.principal("responder-1", "circc");
        publish(new EscalationAcknowledgedEvent(escalation, campaign, first, 1, "on it", responder, now));
        publish(new CampaignMergedEvent(campaign, mergedAway, elsewhere, List.of(elsewhere), now));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(List.of(statusOf(first), statusOf(lateJoiner), statusOf(elsewhere)))
                        .containsOnly("ACKNOWLEDGED"));
        assertThat(jdbc.queryForObject("SELECT actor_id FROM campaign_chain WHERE campaign_id = ?", String.class,
                campaign.value())).isEqualTo("responder-1");
    }

    @Test
    void aRedIncidentMayBeContainedByTheResponderTheCurrentLevelTargetsAndNobodyElseOfTheCenterButCoordinators() {
        String red = EXAMPLE.replace("TLP:AMBER", "TLP:RED");
        IncidentId incident = IncidentId.of(report("venue-tokyo", null, red, HttpStatus.ACCEPTED).getResponseBody()
                .path("incidentId").asText());
        CampaignId campaign = CampaignId.newId();
        Instant now = Instant.now();
        Actor coordinator = Actor.principal("coordinator-1", "circc");

        contain(incident, "responder-1").expectStatus().isNotFound();

        publish(new StakeholderRegisteredEvent(new StakeholderSnapshot("responder-1", "Responder 1",
                StakeholderKind.person, "circc", "responder-1", Tlp.RED, List.of("email"), List.of(), null, List.of()),
                coordinator, now));
        publish(new IncidentTriagedEvent(incident, campaign, Severity.HIGH, 60, List.of(), Actor.system("triage"), now));
        publish(new EscalationLevelRaisedEvent(UUID.randomUUID(), campaign, incident, 1, List.of("responder-1"),
                now.plusSeconds(300), Severity.HIGH, Sector.GAMES_TICKETING, Tlp.RED, "severity reached 3", now));
        // three topics, consumed independently: the directory's event may land after the chain's
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(statusOf(incident)).isEqualTo("ESCALATED");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM directory_stakeholder WHERE stakeholder_id = 'responder-1'",
                    Long.class)).isEqualTo(1);
        });

        contain(incident, "responder-2").expectStatus().isNotFound();
        contain(incident, "responder-1").expectStatus().isAccepted();
        assertThat(statusOf(incident)).isEqualTo("CONTAINED");
    }

    @Test
    void thePurgeIsScheduled() {
        assertThat(scheduler.getScheduledExecutions()).anySatisfy(execution ->
                assertThat(execution.getTaskInstance().getTaskName()).isEqualTo("intake-idempotency-key-purge"));
    }

    private EntityExchangeResult<JsonNode> report(String organisation, String key, String body, HttpStatus status) {
        return client.post().uri("/api/v1/incidents")
                .headers(h -> {
                    h.set(IdentityAssertion.PRINCIPAL, "ops@" + organisation);
                    h.set(IdentityAssertion.ORGANISATION, organisation);
                    h.set(IdentityAssertion.ROLES, "operator");
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult();
    }

    private long reportedEvents(String incidentId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype = 'org.circc.intake.command.IncidentReportedEvent'", Long.class, incidentId);
    }

    private long allReportedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry "
                + "WHERE payloadtype = 'org.circc.intake.command.IncidentReportedEvent'", Long.class);
    }

    private WebTestClient.ResponseSpec contain(IncidentId incident, String responder) {
        return client.post().uri("/api/v1/incidents/" + incident + "/contain")
                .headers(h -> {
                    h.set(IdentityAssertion.PRINCIPAL, responder);
                    h.set(IdentityAssertion.ORGANISATION, "circc");
                    h.set(IdentityAssertion.ROLES, "responder");
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"summary\": \"isolated\"}")
                .exchange();
    }

    private IncidentId reportedIncident() {
        return IncidentId.of(report("venue-tokyo", null, EXAMPLE, HttpStatus.ACCEPTED).getResponseBody()
                .path("incidentId").asText());
    }

    private void publish(IntegrationEvent event) {
        publisher.publish(event, UUID.randomUUID().toString());
    }

    /** The incident's status from its last stored transition (REPORTED before any). */
    private String statusOf(IncidentId incident) {
        return jdbc.query("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND payloadtype = 'org.circc.intake.command.IncidentStatusChangedEvent' ORDER BY sequencenumber DESC LIMIT 1",
                (rs, row) -> {
                    try {
                        return JSON.readTree(rs.getBytes("payload")).path("to").asText();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("unreadable stored event of " + incident, e);
                    }
                },
                incident.toString()).stream().findFirst()
                .orElse("REPORTED");
    }

    private long statusChanges(String incidentId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype = 'org.circc.intake.command.IncidentStatusChangedEvent'", Long.class, incidentId);
    }
}
