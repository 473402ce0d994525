package org.circc.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationPolicySavedEvent;
import org.circc.contracts.events.IncidentCorrelatedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.contracts.events.StakeholderKind;
import org.circc.contracts.events.StakeholderRegisteredEvent;
import org.circc.contracts.events.StakeholderSnapshot;
import org.circc.contracts.identity.IdentityAssertion;
import org.circc.embedded.EmbeddedInfrastructure;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.circc.timeline.query.CampaignState;
import org.circc.timeline.query.IncidentView;
import org.circc.timeline.query.ReadModelGenerations;
import org.circc.timeline.query.ReadModels;
import org.circc.timeline.query.RecordedEvent;
import org.circc.timeline.query.ReplayLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.circc.timeline.TimelineFixtures.reported;

/**
 * The timeline on the embedded Kafka, MongoDB-wire server and PostgreSQL: the topics in, the reads out, and a
 * rebuild from the retained topics that gives the same read models as the live projection.
 */
// closed after the class, while the shared infrastructure still runs, without waiting for keep-alive connections
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@DirtiesContext
class TimelineIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-07-24T10:20:00Z");
    private static final Actor RESPONDER = Actor.principal("responder-1", "circc");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springPropertiesFor("timeline")
                .forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    WebTestClient client;

    @Autowired
    IntegrationEventPublisher publisher;

    @Autowired
    ReadModelGenerations generations;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void theTopicsBecomeTheReadsAndARebuildGivesTheSameReadModels() {
        CampaignId campaign = CampaignId.newId();
        IncidentId first = IncidentId.newId();
        IncidentId second = IncidentId.newId();
        UUID escalation = UUID.randomUUID();
        publish(new StakeholderRegisteredEvent(new StakeholderSnapshot("rail-east-soc", "Rail East SOC",
                StakeholderKind.organisation, "rail-east", null, Tlp.AMBER, List.of("email"), List.of("games-*"), 2,
                List.of()), Actor.principal("admin", "circc"), T0));
        publish(new EscalationPolicySavedEvent("default", 1, Set.of("csirt-oncall"), Actor.principal("admin", "circc"), T0));
        publish(reported(first, Tlp.AMBER, T0));
        publish(new IncidentTriagedEvent(first, campaign, Severity.HIGH, 71.6, List.of(), Actor.system("triage"),
                T0.plusSeconds(1)));
        publish(new EscalationLevelRaisedEvent(escalation, campaign, first, 1, List.of("csirt-oncall", "responder-1"),
                T0.plusSeconds(302), Severity.HIGH, Sector.fromSlug("games-ticketing"), Tlp.AMBER, "policy default",
                T0.plusSeconds(2)));
        publish(reported(second, Tlp.RED, T0.plusSeconds(10)));
        publish(new IncidentTriagedEvent(second, campaign, Severity.HIGH, 71.6, List.of(), Actor.system("triage"),
                T0.plusSeconds(11)));
        publish(new IncidentCorrelatedEvent(second, campaign, "observable ipv4:203.0.113.7", 2, T0.plusSeconds(11)));
        publish(new NotificationDeliveredEvent(UUID.randomUUID(), "csirt-oncall", "email", first, campaign, 1, 1, true,
                T0.plusSeconds(5)));
        publish(new EscalationAcknowledgedEvent(escalation, campaign, second, 1, "on it", RESPONDER, T0.plusSeconds(60)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode incident = get("/api/v1/incidents/" + second, "coordinator-1", "circc", "coordinator");
            assertThat(incident.path("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(incident.path("escalation").path("state").asText()).isEqualTo("ACKNOWLEDGED");
            JsonNode timeline = get("/api/v1/incidents/" + first + "/timeline", "coordinator-1", "circc", "coordinator");
            // reported, triaged, level raised, notified, and the acknowledgement of its campaign's chain
            assertThat(timeline.path("entries").size()).isEqualTo(5);
        });
        JsonNode firstView = get("/api/v1/incidents/" + first, "coordinator-1", "circc", "coordinator");
        assertThat(firstView.path("status").asText()).as("a member follows its campaign's chain").isEqualTo("ACKNOWLEDGED");
        assertThat(get("/api/v1/incidents/" + first, "ops@rail-east", "rail-east", "operator").path("incidentId").asText())
                .as("an AMBER incident for a subscriber to its sector").isEqualTo(first.toString());
        client.get().uri("/api/v1/incidents/{id}", second)
                .header(IdentityAssertion.PRINCIPAL, "ops@rail-east")
                .header(IdentityAssertion.ORGANISATION, "rail-east")
                .header(IdentityAssertion.ROLES, "operator")
                .exchange()
                .expectStatus().isNotFound();

        ReadModels live = generations.active();
        List<IncidentId> incidents = List.of(first, second);
        Snapshot before = snapshot(live, incidents, campaign);

        client.post().uri("/api/v1/admin/rebuild")
                .header(IdentityAssertion.PRINCIPAL, "admin")
                .header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, "admin")
                .exchange()
                .expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/api/v1/admin/rebuild", "admin", "circc", "admin").path("state").asText())
                        .isEqualTo("COMPLETED"));

        JsonNode progress = get("/api/v1/admin/rebuild", "admin", "circc", "admin");
        assertThat(progress.path("processed").asLong()).isEqualTo(progress.path("total").asLong()).isGreaterThanOrEqualTo(10);
        ReadModels rebuilt = generations.active();
        assertThat(rebuilt.generation()).isGreaterThan(live.generation());
        assertThat(snapshot(rebuilt, incidents, campaign)).isEqualTo(before);
        assertThat(get("/api/v1/incidents/" + second, "coordinator-1", "circc", "coordinator").path("status").asText())
                .isEqualTo("ACKNOWLEDGED");
    }

    /** What the read models hold about the incidents, apart from the ingest positions a rebuild assigns anew. */
    private record Snapshot(List<IncidentView> views, List<List<RecordedEvent>> buckets, CampaignState campaign,
                            List<String> replayed, Object directory) {
    }

    private Snapshot snapshot(ReadModels models, List<IncidentId> incidents, CampaignId campaign) {
        List<IncidentView> views = new ArrayList<>();
        List<List<RecordedEvent>> buckets = new ArrayList<>();
        for (IncidentId incident : incidents) {
            views.add(models.views().find(incident).block(TIMEOUT));
            buckets.add(RecordedEvent.upTo(models.incidents().find(incident.toString()).block(TIMEOUT), null));
        }
        CampaignState campaignState = CampaignState.fold(campaign,
                models.campaigns().find(campaign.toString()).block(TIMEOUT),
                models.members().of(campaign.toString()).block(TIMEOUT), null);
        List<String> replayed = models.replay().between(T0, T0.plusSeconds(3600))
                .map(ReplayLog.Logged::entry)
                .map(entry -> entry.eventId() + " " + entry.type())
                .sort()
                .collectList()
                .block(TIMEOUT);
        return new Snapshot(views, buckets, campaignState, replayed, models.stakeholders().all().block(TIMEOUT));
    }

    private void publish(IntegrationEvent event) {
        publisher.publish(event, UUID.randomUUID().toString());
    }

    private JsonNode get(String path, String principal, String organisation, String roles) {
        return client.get().uri(path)
                .header(IdentityAssertion.PRINCIPAL, principal)
                .header(IdentityAssertion.ORGANISATION, organisation)
                .header(IdentityAssertion.ROLES, roles)
                .exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
