package org.circc.local;

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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

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

        List<Map<String, Object>> entries = awaitTimeline(incidentId, 6);

        assertThat(entries).extracting(entry -> entry.get("type")).containsExactlyInAnyOrder(
                "incident.reported", "incident.triaged", "escalation.started", "escalation.level-raised",
                "notification.delivered", "notification.delivered");
        assertThat(entries).extracting(entry -> entry.get("seq")).containsExactly(1, 2, 3, 4, 5, 6);
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
                .as("a notice withholds the title").doesNotContain("DDoS on the ticketing portal")
                .contains(incidentId, "TLP:AMBER"));

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
