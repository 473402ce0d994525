package org.circc.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignMergedEvent;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.IncidentCorrelatedEvent;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;
import org.circc.contracts.events.IncidentSeverityOverriddenEvent;
import org.circc.contracts.events.IncidentUpdatedEvent;
import org.circc.contracts.identity.IdentityAssertion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.circc.embedded.EmbeddedInfrastructure;
import org.circc.triage.command.SeverityScorer;
import org.circc.triage.messaging.TriageMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Triage on the real embedded Kafka and PostgreSQL. The storm of issue 4: 10,000 reports of one campaign, sent as
 * fast as Kafka takes them, 1,000 of them delivered twice; exactly one campaign, one triage per report, and the
 * escalation-relevant signal once per change of the campaign's severity. And a coordinator's override through the
 * API, which later scoring does not undo.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.shutdown=immediate")
@org.springframework.test.annotation.DirtiesContext
class TriageIT {

    private static final int REPORTS = Integer.getInteger("storm.reports", 10_000);
    private static final int REDELIVERED = REPORTS / 10;
    private static final List<Sector> SECTORS = List.of(Sector.GAMES_TICKETING, Sector.RAILWAYS,
            Sector.ELECTRIC_POWER, Sector.LOGISTICS);
    private static final int ORGANISATIONS = 12;
    private static final Duration PATIENCE = Duration.ofSeconds(150);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springPropertiesFor("triage")
                .forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    SeverityScorer scorer;

    @Autowired
    TriageMetrics metrics;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Cache campaignCorrelationCache;

    @Autowired
    MeterRegistry meterRegistry;

    @Autowired
    WebTestClient client;

    @Test
    void aCoordinatorsOverrideIsPublishedAndSurvivesARescoring() {
        IncidentReportedEvent report = new IncidentReportedEvent(IncidentId.newId(), "DDoS on the ticketing portal",
                "Sustained SYN flood since 10:10", Category.parse("availability:ddos"), Sector.GAMES_TICKETING,
                Tlp.AMBER, new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                List.of("tickets-" + UUID.randomUUID() + ".example.jp"), List.of(), "venue-tokyo",
                Instant.parse("2026-07-24T10:15:00Z"), Actor.principal("ops@venue-tokyo", "venue-tokyo"), Instant.now());
        List<TriageEvents.Received> received = new ArrayList<>();
        try (TriageEvents kafka = new TriageEvents(objectMapper)) {
            client.post().uri("/api/v1/incidents/" + report.incidentId() + "/triage").headers(this::coordinator)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"severity\": 5, \"reason\": \"too early\"}")
                    .exchange().expectStatus().isNotFound();

            kafka.send(report, "override-report-" + report.incidentId());
            kafka.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> collect(kafka, received, report.incidentId(),
                    org.circc.contracts.events.IncidentTriagedEvent.class) == 1);

            client.post().uri("/api/v1/incidents/" + report.incidentId() + "/triage").headers(this::coordinator)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"severity\": 5, \"reason\": \"the national grid depends on it\"}")
                    .exchange().expectStatus().isAccepted();
            kafka.send(new IncidentUpdatedEvent(report.incidentId(), "recovered", List.of(), Impact.NONE,
                    Actor.principal("ops@venue-tokyo", "venue-tokyo"), Instant.now()), "override-update-" + report.incidentId());
            kafka.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> collect(kafka, received, report.incidentId(),
                    org.circc.contracts.events.IncidentTriagedEvent.class) == 2);
        }

        assertThat(received).extracting(TriageEvents.Received::event).filteredOn(IncidentSeverityOverriddenEvent.class::isInstance)
                .singleElement().isInstanceOfSatisfying(IncidentSeverityOverriddenEvent.class, overridden -> {
                    assertThat(overridden.previousSeverity()).isEqualTo(Severity.HIGH);
                    assertThat(overridden.severity()).isEqualTo(Severity.EMERGENCY);
                    assertThat(overridden.reason()).isEqualTo("the national grid depends on it");
                    assertThat(overridden.actor()).isEqualTo(Actor.principal("coordinator-1", "circc"));
                });
        List<org.circc.contracts.events.IncidentTriagedEvent> triaged = received.stream().map(TriageEvents.Received::event)
                .filter(org.circc.contracts.events.IncidentTriagedEvent.class::isInstance)
                .map(org.circc.contracts.events.IncidentTriagedEvent.class::cast).toList();
        assertThat(triaged.get(0).severity()).isEqualTo(Severity.HIGH);
        // the impact fell to none (score 23: Low), but the coordinator's Emergency stands
        assertThat(triaged.get(1).score()).isEqualTo(23.0);
        assertThat(triaged.get(1).severity()).isEqualTo(Severity.EMERGENCY);
    }

    private long collect(TriageEvents kafka, List<TriageEvents.Received> received, IncidentId incidentId,
                         Class<?> counted) {
        for (TriageEvents.Received event : kafka.poll()) {
            if (event.event() instanceof org.circc.contracts.events.IncidentEvent about
                    && about.incidentId().equals(incidentId)) {
                received.add(event);
            }
        }
        return received.stream().filter(event -> counted.isInstance(event.event())).count();
    }

    private void coordinator(HttpHeaders headers) {
        headers.set(IdentityAssertion.PRINCIPAL, "coordinator-1");
        headers.set(IdentityAssertion.ORGANISATION, "circc");
        headers.set(IdentityAssertion.ROLES, "coordinator");
    }

    @Test
    void aStormOfOneCampaignIsOneCampaignWithOneTriagePerReportAndOneSignalPerChange() throws Exception {
        // unique per run, so that the test holds on persistent external servers too
        Observable shared = Observable.of(ObservableType.DOMAIN, "c2-" + UUID.randomUUID() + ".example");
        Impact impact = new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR);
        Category ddos = Category.parse("availability:ddos");
        List<IncidentReportedEvent> storm = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            String organisation = "storm-org-" + (i % ORGANISATIONS);
            storm.add(new IncidentReportedEvent(IncidentId.newId(), "Flood " + i, "part of the storm", ddos,
                    SECTORS.get(i % SECTORS.size()), i % 100 == 0 ? Tlp.RED : Tlp.AMBER, impact,
                    List.of("portal-" + i + ".example.jp"), List.of(shared), organisation,
                    Instant.parse("2026-07-24T10:15:00Z"), Actor.principal("ops@" + organisation, organisation),
                    Instant.now()));
        }
        Set<IncidentId> incidents = new HashSet<>(storm.stream().map(IncidentReportedEvent::incidentId).toList());
        Map<IncidentId, Set<String>> triageIds = new HashMap<>();
        Set<CampaignId> campaigns = new HashSet<>();
        List<CampaignSeverityChangedEvent> signals = new ArrayList<>();
        Set<String> correlated = new HashSet<>();
        int merges = 0;
        IncidentCorrelatedEvent lateCorrelation = null;

        long triagedBefore = metrics.latency().count();
        try (TriageEvents kafka = new TriageEvents(objectMapper)) {
            for (int i = 0; i < REPORTS; i++) {
                IncidentReportedEvent report = storm.get(i);
                String eventId = "storm-" + report.incidentId();
                kafka.send(report, eventId);
                if (i % (REPORTS / REDELIVERED) == 0) {
                    kafka.send(report, eventId);
                }
            }
            kafka.flush();

            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (triageIds.size() < REPORTS && System.nanoTime() < deadline) {
                for (TriageEvents.Received received : kafka.poll()) {
                    if (received.event() instanceof IncidentTriagedEvent triaged && incidents.contains(triaged.incidentId())) {
                        triageIds.computeIfAbsent(triaged.incidentId(), id -> new HashSet<>()).add(received.id());
                        campaigns.add(triaged.campaignId());
                    } else if (received.event() instanceof IncidentCorrelatedEvent event
                            && incidents.contains(event.incidentId())) {
                        correlated.add(received.id());
                    } else if (received.event() instanceof CampaignSeverityChangedEvent signal
                            && incidents.contains(signal.incidentId())) {
                        signals.add(signal);
                    } else if (received.event() instanceof CampaignMergedEvent merged
                            && incidents.contains(merged.incidentId())) {
                        merges++;
                    }
                }
            }
            // what was published after the last triage: the last correlations and signals
            long drain = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < drain) {
                for (TriageEvents.Received received : kafka.poll()) {
                    if (received.event() instanceof IncidentCorrelatedEvent event && incidents.contains(event.incidentId())) {
                        correlated.add(received.id());
                    } else if (received.event() instanceof CampaignSeverityChangedEvent signal
                            && incidents.contains(signal.incidentId())) {
                        signals.add(signal);
                    }
                }
            }

            // the next load after an eviction starts from the snapshot: the storm's campaign is still there
            campaignCorrelationCache.removeAll();
            IncidentReportedEvent late = new IncidentReportedEvent(IncidentId.newId(), "Late flood", "after the storm",
                    ddos, Sector.GAMES_TICKETING, Tlp.AMBER, impact, List.of(), List.of(shared), "late-org",
                    Instant.parse("2026-07-24T11:15:00Z"), Actor.principal("ops@late-org", "late-org"), Instant.now());
            kafka.send(late, "storm-late-" + late.incidentId());
            kafka.flush();
            long lateDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (lateCorrelation == null && System.nanoTime() < lateDeadline) {
                for (TriageEvents.Received received : kafka.poll()) {
                    if (received.event() instanceof IncidentCorrelatedEvent event
                            && event.incidentId().equals(late.incidentId())) {
                        lateCorrelation = event;
                    }
                }
            }
        }

        assertThat(triageIds).as("every report triaged").hasSize(REPORTS);
        assertThat(triageIds.values()).as("once each").allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(metrics.latency().count() - triagedBefore).as("every triage timed").isGreaterThanOrEqualTo(REPORTS);
        assertThat(campaigns).as("one campaign").hasSize(1);
        CampaignId campaign = campaigns.iterator().next();
        assertThat(correlated).as("every report but the first joined a campaign with members").hasSize(REPORTS - 1);
        assertThat(merges).isZero();
        assertThat(lateCorrelation).as("a report after a reload from the snapshot").isNotNull();
        assertThat(lateCorrelation.campaignId()).isEqualTo(campaign);
        assertThat(lateCorrelation.reportCount()).isEqualTo(REPORTS + 1);
        assertThat(lateCorrelation.matchedOn()).isEqualTo("observable " + shared);

        assertThat(signals).allSatisfy(signal -> assertThat(signal.campaignId()).isEqualTo(campaign));
        assertThat(signals.stream().filter(CampaignSeverityChangedEvent::opened)).as("opened once").hasSize(1);
        assertThat(signals.get(0).opened()).isTrue();
        for (int i = 1; i < signals.size(); i++) {
            assertThat(signals.get(i).previousSeverity()).isEqualTo(signals.get(i - 1).severity());
            assertThat(signals.get(i).severity().level()).isGreaterThan(signals.get(i).previousSeverity().level());
        }
        // one signal per change, and the campaign ends where every member, organisation and sector puts it
        double best = SeverityScorer.sum(scorer.incidentFactors(impact, Sector.ELECTRIC_POWER, ddos));
        Severity expected = scorer.severityOf(best + SeverityScorer.sum(scorer.campaignFactors(ORGANISATIONS, SECTORS.size())));
        CampaignSeverityChangedEvent last = signals.get(signals.size() - 1);
        assertThat(last.severity()).isEqualTo(expected);
        assertThat(signals.size()).isLessThanOrEqualTo(expected.level() - signals.get(0).severity().level() + 1);
        // sectors and TLP as they were at each change: members only join, so neither ever shrinks
        for (int i = 1; i < signals.size(); i++) {
            assertThat(signals.get(i).sectors()).containsAll(signals.get(i - 1).sectors());
            assertThat(signals.get(i).tlp()).isGreaterThanOrEqualTo(signals.get(i - 1).tlp());
        }
        assertThat(SECTORS).containsAll(last.sectors());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(meterRegistry.get("circc.triage.campaign.reports").tag("statistic", "max").gauge().value())
                    .isGreaterThanOrEqualTo(REPORTS + 1);
            assertThat(meterRegistry.get("circc.triage.campaigns.open").gauge().value()).isGreaterThanOrEqualTo(1);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = 'campaigns' "
                + "AND payloadtype = 'org.circc.triage.command.IncidentTriagedEvent' AND timestamp >= ?",
                Long.class, storm.get(0).occurredAt().toString())).isGreaterThanOrEqualTo(REPORTS);
    }
}
