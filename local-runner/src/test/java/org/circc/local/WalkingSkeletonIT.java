package org.circc.local;

import org.circc.deploy.PrometheusRuleMetrics;
import org.circc.embedded.EmbeddedInfrastructure;
import org.circc.embedded.InfrastructureOptions;
import org.circc.embedded.ReceivedMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton end to end, through the gateway, on the embedded infrastructure with every service in its
 * own JVM: a report is stored by intake, triaged, escalated to level 1 of the default policy, notified by e-mail,
 * and on its timeline with an entry from each service; and it is all still there after a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final Path PROJECT_ROOT = Path.of(System.getProperty("circc.root", "..")).toAbsolutePath().normalize();

    @TempDir
    static Path dataDirectory;

    private static LocalPlatform platform;
    private static String acceptedIncidentId;
    private static List<Map<String, Object>> acceptedTimeline;

    @BeforeAll
    static void startPlatform() {
        platform = new LocalPlatform(options()).start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private static LocalPlatformOptions options() {
        return new LocalPlatformOptions(PROJECT_ROOT, new InfrastructureOptions(dataDirectory.resolve("infra"), 0, 0, 0, 0),
                Map.of(), PROJECT_ROOT.resolve("local-runner/target/walking-skeleton-logs"),
                LocalPlatformOptions.DEFAULT_JVM_OPTIONS);
    }

    private static WebTestClient gateway() {
        return WebTestClient.bindToServer().baseUrl(platform.gatewayUrl()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static String exampleReport() {
        return """
                {
                  "title": "DDoS on the ticketing portal",
                  "description": "Sustained SYN flood since 10:10",
                  "category": "availability:ddos",
                  "sector": "games-ticketing",
                  "detectedAt": "%s",
                  "tlp": "TLP:AMBER",
                  "impact": {"functional": "high", "information": "none", "recoverability": "regular"},
                  "affectedAssets": ["tickets.example.jp"],
                  "observables": [{"type": "ipv4", "value": "203.0.113.7"}]
                }
                """.formatted(Instant.now().minus(5, ChronoUnit.MINUTES));
    }

    @Test
    @Order(1)
    void aReportIsStoredTriagedEscalatedNotifiedAndOnItsTimeline() {
        @SuppressWarnings("unchecked")
        Map<String, Object> accepted = gateway().post().uri("/api/v1/incidents")
                .header("X-API-Key", "op-venue-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(exampleReport())
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/v1/incidents/"))
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(accepted).isNotNull();
        assertThat(accepted).containsEntry("status", "REPORTED");
        String incidentId = (String) accepted.get("incidentId");

        List<Map<String, Object>> entries = awaitTimeline(incidentId, 7);

        assertThat(entries).extracting(entry -> entry.get("type")).contains(
                "incident.reported", "incident.triaged", "escalation.started", "escalation.level-raised",
                "notification.delivered");
        assertThat(entries).extracting(entry -> entry.get("seq"))
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, entries.size()).boxed().toList());
        Map<String, Object> reported = entryOfType(entries, "incident.reported");
        assertThat(reported.get("actor")).isEqualTo(
                Map.of("kind", "principal", "id", "ops@venue-tokyo", "organisation", "venue-tokyo"));
        Map<String, Object> triaged = entryOfType(entries, "incident.triaged");
        assertThat(triaged.get("actor")).isEqualTo(Map.of("kind", "system", "id", "triage"));
        assertThat(((Map<?, ?>) ((Map<?, ?>) triaged.get("data")).get("severity")).get("level"))
                .as("api.md: the example must score at least High").isIn(3, 4, 5);
        Map<String, Object> raised = entryOfType(entries, "escalation.level-raised");
        @SuppressWarnings("unchecked")
        Map<String, Object> raisedData = (Map<String, Object>) raised.get("data");
        assertThat(raisedData).containsEntry("level", 1)
                .containsEntry("targets", List.of("csirt-oncall", "responder-1"));

        List<ReceivedMail> mails = platform.infrastructure().receivedMails();
        assertThat(mails).extracting(ReceivedMail::recipient)
                .contains("csirt-oncall@circc.localhost", "responder-1@circc.localhost");
        assertThat(mails).allSatisfy(mail -> assertThat(mail.body())
                .as("AMBER details go to the center and the reporting organisation").contains(
                        "DDoS on the ticketing portal", incidentId, "TLP:AMBER"));

        acceptedIncidentId = incidentId;
        acceptedTimeline = entries;
    }

    @Test
    @Order(2)
    void malformedJsonIsA400Problem() {
        gateway().post().uri("/api/v1/incidents")
                .header("X-API-Key", "op-venue-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"unterminated")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.detail").isNotEmpty();
    }

    @Test
    @Order(3)
    void aReportBreakingRulesIsA422ListingEveryField() {
        gateway().post().uri("/api/v1/incidents")
                .header("X-API-Key", "op-venue-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "", "category": "availability:nonsense", "sector": "moon-base",
                         "detectedAt": "2026-07-24T10:15:00Z", "observables": [{"type": "ipv4", "value": "300.1.1.1"}]}
                        """)
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields).asInstanceOf(
                        InstanceOfAssertFactories.list(String.class))
                        .containsExactlyInAnyOrder("title", "category", "sector", "observables[0].value"));
    }

    @Test
    @Order(4)
    void aRequestWithoutKeyIsA401Problem() {
        gateway().post().uri("/api/v1/incidents")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(exampleReport())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @Order(5)
    void aServiceCalledDirectlyWithAForgedIdentityRefusesIt() {
        WebTestClient intake = WebTestClient.bindToServer().baseUrl(platform.baseUrl(PlatformService.INTAKE)).build();

        intake.post().uri("/api/v1/incidents")
                .header("X-CIRCC-Principal", "ops@venue-tokyo")
                .header("X-CIRCC-Organisation", "venue-tokyo")
                .header("X-CIRCC-Roles", "operator")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(exampleReport())
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("gateway"));
    }

    @Test
    @Order(6)
    void acceptedIncidentsAndTheirTimelinesSurviveARestart() {
        assertThat(acceptedIncidentId).as("the skeleton test accepted an incident").isNotNull();
        platform.close();
        platform = new LocalPlatform(options()).start();

        List<Map<String, Object>> entries = awaitTimeline(acceptedIncidentId, acceptedTimeline.size());
        assertThat(entries).isEqualTo(acceptedTimeline);
    }

    /**
     * The post-event review after the skeleton's flow plus an acknowledgement (issues 5 and 8): the responder the
     * level targets acknowledges, every member of the chain follows, the timeline shows every step with its actor,
     * the state as of the report (before triage) is REPORTED, and the coordinator's reports read and validate.
     */
    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void anAcknowledgedIncidentsReviewShowsEveryStepAndItsStateAtAnyInstant() {
        Map<String, Object> accepted = gateway().post().uri("/api/v1/incidents")
                .header("X-API-Key", "op-venue-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(exampleReport().replace("203.0.113.7", "203.0.113.99").replace("tickets.example.jp", "gates.example.jp"))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        String incidentId = (String) accepted.get("incidentId");
        awaitTimeline(incidentId, 4);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                timeline(incidentId).stream().anyMatch(entry -> "escalation.level-raised".equals(entry.get("type"))));

        gateway().post().uri("/api/v1/incidents/{id}/acknowledge", incidentId)
                .header("X-API-Key", "resp-key")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\": \"on it\"}")
                .exchange()
                .expectStatus().isAccepted();

        Map<String, Object> incident = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> incident(incidentId), view -> view != null && "ACKNOWLEDGED".equals(view.get("status"))
                        && view.get("escalation") instanceof Map<?, ?> escalation && "ACKNOWLEDGED".equals(escalation.get("state")));
        assertThat((Map<String, Object>) incident.get("escalation")).containsEntry("level", 1);
        List<Map<String, Object>> entries = await().atMost(Duration.ofSeconds(60)).until(() -> timeline(incidentId),
                all -> all.stream().anyMatch(entry -> "escalation.acknowledged".equals(entry.get("type"))));
        assertThat(entries).allSatisfy(entry -> assertThat(entry).containsKeys("seq", "at", "type", "actor", "summary"));
        assertThat(entryOfType(entries, "escalation.acknowledged").get("actor"))
                .isEqualTo(Map.of("kind", "principal", "id", "responder-1", "organisation", "circc"));

        String reportedAt = (String) entryOfType(entries, "incident.reported").get("at");
        Map<String, Object> before = gateway().get().uri(uri -> uri.path("/api/v1/incidents/{id}/state")
                        .queryParam("asOf", reportedAt).build(incidentId))
                .header("X-API-Key", "coord-key")
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(before).containsEntry("status", "REPORTED");

        String markdown = gateway().get().uri("/api/v1/incidents/{id}/report?format=markdown", incidentId)
                .header("X-API-Key", "coord-key")
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/markdown")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(markdown).contains("DDoS on the ticketing portal", "responder-1");
        Map<String, Object> bundle = gateway().get().uri("/api/v1/incidents/{id}/report?format=stix", incidentId)
                .header("X-API-Key", "coord-key")
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(bundle).containsEntry("type", "bundle");
    }

    /**
     * Issue 9: every metric the PrometheusRule's alerts read is exported by some application of the running
     * platform (after the flows above; the services register their domain meters at start-up, so an alert on a
     * counter that is still zero has a series to read).
     */
    @Test
    @Order(9)
    void everyMetricTheAlertsReadIsExported() {
        Set<String> exported = new TreeSet<>();
        List<PlatformService> applications = new ArrayList<>(PlatformService.SERVICES);
        applications.add(PlatformService.GATEWAY);
        // a scrape carries every Kafka client's metrics (a consumer per partition in the timeline): past WebClient's
        // default 256 KiB
        applications.forEach(application -> gateway().mutate().baseUrl(platform.baseUrl(application))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN)
                .exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> body.lines()
                        .filter(line -> !line.startsWith("#") && !line.isBlank())
                        .map(line -> line.split("[{ ]", 2)[0])
                        .forEach(exported::add)));

        SortedSet<String> read = PrometheusRuleMetrics.read(PROJECT_ROOT.resolve("k8s/base/monitoring/prometheus-rule.yaml"))
                .metricNames();

        assertThat(read).isNotEmpty();
        assertThat(exported).containsAll(read);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> incident(String incidentId) {
        return gateway().get().uri("/api/v1/incidents/{id}", incidentId)
                .header("X-API-Key", "coord-key")
                .exchange()
                .returnResult(Map.class).getResponseBody().blockFirst(Duration.ofSeconds(30));
    }

    /**
     * Issue 3's acceptance: a burst of 1,000 reports through the gateway, 8 at a time, a tenth of them repeating an
     * earlier report's Idempotency-Key and body (often while the original is still in flight), creates exactly the
     * 900 distinct incidents, and every repeat answers its original's id.
     */
    @Test
    @Order(7)
    void aBurstWithATenthDuplicateKeysCreatesExactlyTheDistinctIncidents() throws Exception {
        String detectedAt = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        WebClient client = WebClient.builder().baseUrl(platform.gatewayUrl()).build();

        List<Map.Entry<Integer, String>> answers = Flux.range(0, 1000)
                .map(i -> i < 900 ? i : (i - 900) * 9)
                .flatMap(key -> client.post().uri("/api/v1/incidents")
                        .header("X-API-Key", "op-rail-key")
                        .header("Idempotency-Key", "burst-" + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(burstReport(key, detectedAt))
                        .retrieve()
                        .bodyToMono(Map.class)
                        .map(body -> Map.entry(key, (String) body.get("incidentId"))), 8)
                .collectList()
                .block(Duration.ofMinutes(5));

        assertThat(answers).hasSize(1000);
        Map<Integer, Set<String>> idsByKey = answers.stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
        assertThat(idsByKey).hasSize(900).allSatisfy((key, ids) -> assertThat(ids).as("key " + key).hasSize(1));
        List<String> distinct = idsByKey.values().stream().flatMap(Set::stream).distinct().toList();
        assertThat(distinct).hasSize(900);

        EmbeddedInfrastructure infra = platform.infrastructure();
        try (Connection connection = DriverManager.getConnection(infra.jdbcUrl("intake"), infra.jdbcUsername(),
                infra.jdbcPassword());
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM domainevententry "
                     + "WHERE payloadtype = 'org.circc.intake.command.IncidentReportedEvent' AND aggregateidentifier = ANY (?)")) {
            count.setArray(1, connection.createArrayOf("varchar", distinct.toArray()));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                assertThat(result.getLong(1)).as("incidents stored").isEqualTo(900);
            }
        }
    }

    private static String burstReport(int key, String detectedAt) {
        return """
                {"title": "Burst report %d", "category": "availability:ddos", "sector": "railways",
                 "detectedAt": "%s", "observables": [{"type": "ipv4", "value": "198.51.100.%d"}]}
                """.formatted(key, detectedAt, key % 250);
    }

    private static List<Map<String, Object>> awaitTimeline(String incidentId, int expectedEntries) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(
                () -> timeline(incidentId), entries -> entries.size() >= expectedEntries);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> timeline(String incidentId) {
        Map<String, Object> body = gateway().get().uri("/api/v1/incidents/{id}/timeline", incidentId)
                .header("X-API-Key", "coord-key")
                .exchange()
                .returnResult(Map.class).getResponseBody().blockFirst(Duration.ofSeconds(30));
        if (body == null || !body.containsKey("entries")) {
            return List.of();
        }
        return (List<Map<String, Object>>) body.get("entries");
    }

    private static Map<String, Object> entryOfType(List<Map<String, Object>> entries, String type) {
        return entries.stream().filter(entry -> type.equals(entry.get("type"))).findFirst().orElseThrow();
    }
}
