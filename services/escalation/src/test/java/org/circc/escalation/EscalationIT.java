package org.circc.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignMergedEvent;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.StakeholderKind;
import org.circc.contracts.events.StakeholderRegisteredEvent;
import org.circc.contracts.events.StakeholderSnapshot;
import org.circc.contracts.identity.IdentityAssertion;
import org.circc.contracts.sharing.Viewer;
import org.circc.embedded.EmbeddedInfrastructure;
import org.circc.escalation.command.AcknowledgeEscalationCommand;
import org.circc.escalation.command.ChangeEscalationSeverityCommand;
import org.circc.escalation.command.EscalationPolicy;
import org.circc.escalation.command.IncidentSharing;
import org.circc.escalation.command.StartEscalationCommand;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;

/**
 * Escalation on the embedded PostgreSQL and Kafka: chains driven by the other services' events, acknowledgement
 * through the API, the policy API, and acknowledgements racing deadlines.
 */
// closed after the class, while the shared infrastructure still runs, and without waiting for keep-alive connections
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@DirtiesContext
class EscalationIT {

    private static final String RAISED = "org.circc.escalation.command.EscalationLevelRaisedEvent";
    private static final String ACKNOWLEDGED = "org.circc.escalation.command.EscalationAcknowledgedEvent";
    private static final String ENDED = "org.circc.escalation.command.EscalationEndedEvent";
    private static final String STARTED = "org.circc.escalation.command.EscalationStartedEvent";
    private static final String TAKEN_OVER = "org.circc.escalation.command.EscalationTakenOverEvent";
    private static final String SEVERITY_CHANGED = "org.circc.escalation.command.EscalationSeverityChangedEvent";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springPropertiesFor("escalation")
                .forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    WebTestClient client;

    @Autowired
    JdbcTemplate jdbc;

    /** Spied, to see what escalation publishes; also used to feed the other services' events in. */
    @MockitoSpyBean
    IntegrationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactionTemplate;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    MeterRegistry meterRegistry;

    /** api.md's seeded stakeholders, as notification's directory announces them. */
    private void directory() {
        stakeholder("responder-1", StakeholderKind.person, "responder-1");
        stakeholder("duty-coordinator", StakeholderKind.person, "coordinator-1");
        stakeholder("csirt-oncall", StakeholderKind.team, null);
        stakeholder("circc-management", StakeholderKind.team, null);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM escalation_stakeholder", Long.class) >= 4);
    }

    private void stakeholder(String id, StakeholderKind kind, String principal) {
        publisher.publish(new StakeholderRegisteredEvent(new StakeholderSnapshot(id, id, kind, "circc", principal,
                Tlp.RED, List.of("email"), List.of(), null, List.of()), Actor.system("notification"), Instant.now()),
                UUID.randomUUID().toString());
    }

    private void report(IncidentId incident, Tlp tlp) {
        publisher.publish(new IncidentReportedEvent(incident, "DDoS on the ticketing portal", "SYN flood",
                Category.parse("availability:ddos"), Sector.GAMES_TICKETING, tlp, Impact.NONE, List.of(), List.of(),
                "venue-tokyo", Instant.now(), Actor.principal("ops@venue-tokyo", "venue-tokyo"), Instant.now()),
                UUID.randomUUID().toString());
    }

    private void triage(IncidentId incident, CampaignId campaign, Severity severity) {
        publisher.publish(new IncidentTriagedEvent(incident, campaign, severity, 60, List.of(), Actor.system("triage"),
                Instant.now()), UUID.randomUUID().toString());
        publisher.publish(new CampaignSeverityChangedEvent(campaign, incident, null, severity,
                java.util.Set.of(Sector.GAMES_TICKETING), Tlp.AMBER, Instant.now()), UUID.randomUUID().toString());
    }

    private long stored(CampaignId campaign, String payloadType) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype = ?", Long.class, campaign.toString(), payloadType);
    }

    private WebTestClient.ResponseSpec acknowledge(IncidentId incident, String principal, String organisation,
                                                   String role) {
        return client.post().uri("/api/v1/incidents/" + incident + "/acknowledge")
                .headers(h -> {
                    h.set(IdentityAssertion.PRINCIPAL, principal);
                    h.set(IdentityAssertion.ORGANISATION, organisation);
                    h.set(IdentityAssertion.ROLES, role);
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"note\": \"on it\"}").exchange();
    }

    @Test
    void aHighIncidentIsEscalatedAcknowledgedOnceByItsTargetAndEndedWhenResolved() {
        directory();
        IncidentId incident = IncidentId.newId();
        CampaignId campaign = CampaignId.newId();
        report(incident, Tlp.AMBER);
        triage(incident, campaign, Severity.HIGH);

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(campaign, RAISED) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT reporter_org IS NOT NULL AND campaign_id IS NOT NULL FROM escalation_incident "
                        + "WHERE incident_id = ?", Boolean.class, incident.value()));

        acknowledge(incident, "ops@rail-east", "rail-east", "responder").expectStatus().isNotFound();
        acknowledge(incident, "ops@venue-tokyo", "venue-tokyo", "operator").expectStatus().isForbidden();
        acknowledge(incident, "responder-1", "circc", "responder").expectStatus().isAccepted();
        acknowledge(incident, "responder-1", "circc", "responder").expectStatus().isAccepted();
        assertThat(stored(campaign, ACKNOWLEDGED)).isEqualTo(1);
        assertThat(meterRegistry.get("circc.escalation.time.to.acknowledge").tag("severity", "High").timer().count())
                .isPositive();

        publisher.publish(new IncidentStatusChangedEvent(incident, IncidentStatus.ACKNOWLEDGED,
                IncidentStatus.RESOLVED, "patched", Actor.principal("responder-1", "circc"), Instant.now()),
                UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(campaign, ENDED) == 1);
        acknowledge(incident, "coordinator-1", "circc", "coordinator").expectStatus().isEqualTo(HttpStatus.CONFLICT);
    }

    /**
     * Triage keys its triaged event by incident and its campaign signal by campaign: the signal that starts a chain
     * may be consumed first. The responders it reaches acknowledge through the triggering incident at once.
     */
    @Test
    void theIncidentThatStartedAChainIsAcknowledgedBeforeItsTriagedEventArrives() {
        directory();
        IncidentId incident = IncidentId.newId();
        CampaignId campaign = CampaignId.newId();
        report(incident, Tlp.AMBER);
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM escalation_incident WHERE incident_id = ? AND reporter_org IS NOT NULL",
                Long.class, incident.value()) == 1);
        publisher.publish(new CampaignSeverityChangedEvent(campaign, incident, null, Severity.HIGH,
                java.util.Set.of(Sector.GAMES_TICKETING), Tlp.AMBER, Instant.now()), UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(campaign, RAISED) == 1);
        acknowledge(incident, "responder-1", "circc", "responder").expectStatus().isAccepted();
        assertThat(stored(campaign, ACKNOWLEDGED)).isEqualTo(1);
    }

    @Test
    void aMediumIncidentIsNotEscalatedAndHasNothingToAcknowledge() {
        IncidentId incident = IncidentId.newId();
        CampaignId campaign = CampaignId.newId();
        report(incident, Tlp.AMBER);
        triage(incident, campaign, Severity.MEDIUM);

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM escalation_incident WHERE incident_id = ? AND campaign_id IS NOT NULL "
                        + "AND reporter_org IS NOT NULL", Long.class, incident.value()) == 1);
        acknowledge(incident, "coordinator-1", "circc", "coordinator").expectStatus().isEqualTo(HttpStatus.CONFLICT);
        assertThat(stored(campaign, STARTED)).isZero();
    }

    @Test
    void aMergeKeepsTheAcknowledgedChainAndEndsTheOther() {
        directory();
        IncidentId first = IncidentId.newId();
        IncidentId second = IncidentId.newId();
        CampaignId survivor = CampaignId.newId();
        CampaignId merged = CampaignId.newId();
        report(first, Tlp.AMBER);
        report(second, Tlp.AMBER);
        triage(first, survivor, Severity.HIGH);
        triage(second, merged, Severity.HIGH);
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(survivor, RAISED) == 1 && stored(merged, RAISED) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM escalation_incident WHERE incident_id = ? AND reporter_org IS NOT NULL",
                Long.class, second.value()) == 1);
        acknowledge(second, "coordinator-1", "circc", "coordinator").expectStatus().isAccepted();

        publisher.publish(new CampaignMergedEvent(survivor, merged, second, List.of(second), Instant.now()),
                UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(survivor, TAKEN_OVER) == 1);
        assertThat(stored(merged, ENDED)).isEqualTo(1);
        // the survivor's chain is the acknowledged one now: acknowledging through either member is a no-op
        acknowledge(first, "coordinator-1", "circc", "coordinator").expectStatus().isAccepted();
        assertThat(stored(survivor, ACKNOWLEDGED)).isZero();

        // the survivor's consumers are told its chain's state with the events they follow, and no second start
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            verify(publisher).publish(argThat(event -> event instanceof
                    org.circc.contracts.events.EscalationLevelRaisedEvent raised && raised.campaignId().equals(survivor)
                    && raised.level() == 1 && raised.targets().equals(List.of("csirt-oncall", "responder-1"))
                    && raised.reason().equals("campaign " + merged + " merged in: its chain continues here")),
                    anyString());
            verify(publisher).publish(argThat(event -> event instanceof
                    org.circc.contracts.events.EscalationAcknowledgedEvent acknowledged
                    && acknowledged.campaignId().equals(survivor) && acknowledged.level() == 1
                    && acknowledged.actor().equals(Actor.principal("coordinator-1", "circc"))), anyString());
        });
        verify(publisher).publish(argThat(event -> event instanceof
                org.circc.contracts.events.EscalationStartedEvent started && started.campaignId().equals(survivor)),
                anyString());
        // and the adopted, acknowledged chain raises nothing more for the survivor
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> stored(survivor, RAISED) == 1);
    }

    /**
     * A consumer's transaction (its command's unit of work joins it) appends to a chain just as the chain's deadline
     * comes due: the deadline's append waits for it, then fails. db-scheduler tries the deadline again within
     * seconds, not after its default of 5 minutes, and the next level is raised.
     */
    @Test
    void aDeadlineThatLostARaceToAConsumersTransactionStillRaisesItsLevelPromptly() {
        Duration ackWithin = Duration.ofSeconds(3);
        EscalationPolicy quick = new EscalationPolicy("lost-race", 1, 3, List.of(), List.of(
                new EscalationPolicy.Level(1, List.of("csirt-oncall"), ackWithin),
                new EscalationPolicy.Level(2, List.of("duty-coordinator"), Duration.ofMinutes(10))));
        CampaignId campaign = CampaignId.newId();
        IncidentId incident = IncidentId.newId();
        Instant started = Instant.now();
        commandGateway.sendAndWait(new StartEscalationCommand(campaign, incident, quick, Severity.HIGH,
                Sector.GAMES_TICKETING, Tlp.AMBER));

        transactionTemplate.executeWithoutResult(status -> {
            commandGateway.sendAndWait(new ChangeEscalationSeverityCommand(campaign, incident, Severity.SEVERE,
                    Tlp.AMBER));
            // the deadline came due and its append waits for this transaction's, uncommitted, at the same sequence
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                    AND wait_event_type = 'Lock' AND query ILIKE '%domainevententry%'
                    """, Long.class) > 0);
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> stored(campaign, RAISED) == 2);
        // db-scheduler's default would try the deadline again only 5 minutes later
        assertThat(Duration.between(started, Instant.now())).as("level 2 raised after the lost race")
                .isLessThan(ackWithin.plusSeconds(12));
        assertThat(jdbc.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", String.class, campaign.toString()))
                .containsExactly(STARTED, RAISED, SEVERITY_CHANGED, RAISED);
    }

    @Test
    void policiesAreCreatedReplacedAndReadBack() {
        directory();
        String body = """
                {"appliesTo": {"minSeverity": 5, "sectors": ["finance"]},
                 "levels": [{"level": 1, "targets": ["responder-1"], "ackWithin": "PT%dM"}]}
                """;
        String id = "finance-it-" + UUID.randomUUID().toString().substring(0, 8);

        policyPut(id, body.formatted(3)).expectStatus().isCreated();
        policyPut(id, body.formatted(3)).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        policyPut(id, body.formatted(4)).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);

        JsonNode read = client.get().uri("/api/v1/escalation-policies/" + id)
                .headers(h -> coordinator(h)).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(read.path("levels").path(0).path("ackWithin").asText()).isEqualTo("PT4M");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, "policy:" + id)).isEqualTo(2);
        client.get().uri("/api/v1/escalation-policies/default").headers(h -> coordinator(h)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.levels[2].targets[1]").isEqualTo("circc-management");
        policyPut(id, body.formatted(3).replace("responder-1", "nobody")).expectStatus()
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    private WebTestClient.ResponseSpec policyPut(String id, String body) {
        return client.put().uri("/api/v1/escalation-policies/" + id).headers(h -> coordinator(h))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static void coordinator(org.springframework.http.HttpHeaders h) {
        h.set(IdentityAssertion.PRINCIPAL, "coordinator-1");
        h.set(IdentityAssertion.ORGANISATION, "circc");
        h.set(IdentityAssertion.ROLES, "coordinator");
    }

    /**
     * Acknowledgements sent around the moment level 1's deadline fires, on many chains: whichever the aggregate
     * handles first, no level is ever raised after an acknowledgement was stored.
     */
    @Test
    void anAcknowledgementRacingADeadlineIsNeverFollowedByARaise() throws Exception {
        EscalationPolicy quick = new EscalationPolicy("race", 1, 3, List.of(), List.of(
                new EscalationPolicy.Level(1, List.of("csirt-oncall"), Duration.ofSeconds(2)),
                new EscalationPolicy.Level(2, List.of("duty-coordinator"), Duration.ofMinutes(10))));
        IncidentSharing sharing = new IncidentSharing("venue-tokyo", Tlp.AMBER, Sector.GAMES_TICKETING);
        Viewer coordinator = new Viewer("coordinator-1", "circc", true);
        int chains = 40;
        List<CampaignId> campaigns = new ArrayList<>();
        Random random = new Random(7);
        ScheduledExecutorService executor = Executors.newScheduledThreadPool(8);
        try {
            List<Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < chains; i++) {
                CampaignId campaign = CampaignId.newId();
                IncidentId incident = IncidentId.newId();
                campaigns.add(campaign);
                commandGateway.sendAndWait(new StartEscalationCommand(campaign, incident, quick, Severity.HIGH,
                        Sector.GAMES_TICKETING, Tlp.AMBER));
                AcknowledgeEscalationCommand acknowledgement = new AcknowledgeEscalationCommand(campaign, incident,
                        sharing, coordinator, Actor.principal("coordinator-1", "circc"), null);
                if (i == 0) {
                    commandGateway.sendAndWait(acknowledgement); // surely first: its deadline is 2 s away
                } else if (i == 1) {
                    acks.add(executor.submit(() -> {
                        // surely after: once the deadline raised level 2
                        await().atMost(Duration.ofSeconds(30)).until(() -> stored(campaign, RAISED) == 2);
                        return commandGateway.sendAndWait(acknowledgement);
                    }));
                } else {
                    // db-scheduler polls every second: acknowledge from before the deadline to well after it
                    acks.add(executor.schedule(() -> commandGateway.sendAndWait(acknowledgement),
                            1000 + random.nextInt(6000), TimeUnit.MILLISECONDS));
                }
            }
            for (Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }

        List<Boolean> raisedFirst = new ArrayList<>();
        for (CampaignId campaign : campaigns) {
            List<String> types = jdbc.queryForList("SELECT payloadtype FROM domainevententry "
                    + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", String.class, campaign.toString());
            int acknowledgedAt = types.indexOf(ACKNOWLEDGED);
            assertThat(acknowledgedAt).as("chain %s acknowledged", campaign).isPositive();
            assertThat(types.subList(acknowledgedAt + 1, types.size())).as("events after the acknowledgement")
                    .doesNotContain(RAISED);
            raisedFirst.add(types.subList(0, acknowledgedAt).stream().filter(RAISED::equals).count() > 1);
        }
        // both orders are handled: the acknowledgement before the deadline, and the deadline before it
        assertThat(raisedFirst.subList(0, 2)).containsExactly(false, true);
    }
}
