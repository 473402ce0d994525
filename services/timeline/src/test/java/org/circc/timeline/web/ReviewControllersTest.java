package org.circc.timeline.web;

import org.circc.contracts.IncidentId;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.contracts.identity.IdentityAssertion;
import org.circc.contracts.sharing.Viewer;
import org.circc.platform.config.ClockConfiguration;
import org.circc.timeline.messaging.ReadModelRebuild;
import org.circc.timeline.query.CampaignState;
import org.circc.timeline.query.CampaignView;
import org.circc.timeline.query.IncidentQueries;
import org.circc.timeline.query.IncidentReport;
import org.circc.timeline.query.IncidentView;
import org.circc.timeline.query.RecordedEvent;
import org.circc.timeline.query.TimelineEntryFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circc.timeline.TimelineFixtures.CAMPAIGN;
import static org.circc.timeline.TimelineFixtures.platformObjectMapper;
import static org.circc.timeline.TimelineFixtures.recorded;
import static org.circc.timeline.TimelineFixtures.reported;
import static org.circc.timeline.TimelineFixtures.triagedView;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** Campaigns, the board, response times, reports and rebuild at the HTTP edge: roles, shapes, media types. */
@WebFluxTest({ReviewController.class, ReportController.class, AdminController.class})
@Import(ClockConfiguration.class)
class ReviewControllersTest {

    private static final IncidentId INCIDENT = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final Instant T0 = Instant.parse("2026-07-24T10:20:00Z");
    private static final Viewer COORDINATOR = new Viewer("coordinator-1", "circc", true);
    private static final Viewer RESPONDER = new Viewer("responder-1", "circc", false);

    @Autowired
    WebTestClient client;

    @MockitoBean
    IncidentQueries queries;

    @MockitoBean
    ReadModelRebuild rebuild;

    @Test
    void aCampaignIsForCoordinatorsAndResponders() {
        IncidentView member = triagedView(INCIDENT, Tlp.AMBER, T0);
        given(queries.campaign(RESPONDER, CAMPAIGN)).willReturn(Mono.just(CampaignView.of(
                new CampaignState(CAMPAIGN, List.of(INCIDENT, IncidentId.newId()), null, Set.of(), Tlp.RED,
                        T0, T0.plusSeconds(60), CampaignState.Chain.NONE, null), List.of(member), view -> true)));

        as("responder-1", "circc", "responder", client.get().uri("/api/v1/campaigns/{id}", CAMPAIGN))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.campaignId").isEqualTo(CAMPAIGN.toString())
                .jsonPath("$.incidentIds").isEqualTo(List.of(INCIDENT.toString()))
                .jsonPath("$.reportCount").isEqualTo(2)
                .jsonPath("$.organisations").isEqualTo(List.of("venue-tokyo"))
                .jsonPath("$.sectors").isEqualTo(List.of("games-ticketing"))
                .jsonPath("$.observables[0].value").isEqualTo("203.0.113.7")
                .jsonPath("$.severity.level").isEqualTo(3)
                .jsonPath("$.escalation.state").isEqualTo("NONE")
                .jsonPath("$.firstSeen").isEqualTo("2026-07-24T10:20:00.000Z");

        as("ops@venue-tokyo", "venue-tokyo", "operator", client.get().uri("/api/v1/campaigns/{id}", CAMPAIGN))
                .exchange()
                .expectStatus().isForbidden();
        given(queries.campaign(COORDINATOR, CAMPAIGN)).willReturn(Mono.empty());
        asCoordinator(client.get().uri("/api/v1/campaigns/{id}", CAMPAIGN)).exchange().expectStatus().isNotFound();
    }

    @Test
    void theBoardCountsOpenIncidentsAndListsTheMostSevere() {
        given(queries.allViews(T0.plusSeconds(60))).willReturn(Flux.just(triagedView(INCIDENT, Tlp.AMBER, T0)));

        asCoordinator(client.get().uri("/api/v1/board?asOf={asOf}", "2026-07-24T10:21:00Z"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.asOf").isEqualTo("2026-07-24T10:21:00.000Z")
                .jsonPath("$.open.bySeverity.High").isEqualTo(1)
                .jsonPath("$.open.byStatus.TRIAGED").isEqualTo(1)
                .jsonPath("$.open.bySector.games-ticketing").isEqualTo(1)
                .jsonPath("$.top[0].incidentId").isEqualTo(INCIDENT.toString());

        as("responder-1", "circc", "responder", client.get().uri("/api/v1/board")).exchange().expectStatus().isForbidden();
    }

    @Test
    void responseTimesAreGroupedBySeverityAndSector() {
        given(queries.reportedBetween("2026-07-24T00:00:00.000Z", "2026-07-25T00:00:00.000Z"))
                .willReturn(Flux.just(triagedView(INCIDENT, Tlp.AMBER, T0)));

        asCoordinator(client.get().uri("/api/v1/metrics/response?from={from}&to={to}",
                "2026-07-24T09:00:00+09:00", "2026-07-25T00:00:00Z"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.bySeverity.High.triage.median").isEqualTo(1.0)
                .jsonPath("$.bySeverity.High.triage.p90").isEqualTo(1.0)
                .jsonPath("$.bySeverity.High.triage.count").isEqualTo(1)
                .jsonPath("$.bySeverity.High.acknowledge.count").isEqualTo(0)
                .jsonPath("$.bySeverity.High.acknowledge.median").doesNotExist()
                .jsonPath("$.bySector.games-ticketing.resolve.count").isEqualTo(0);
    }

    @Test
    void reportsComeInThreeFormatsForCoordinatorsOnly() {
        IncidentView view = triagedView(INCIDENT, Tlp.AMBER, T0);
        List<RecordedEvent> events = List.of(recorded("r", reported(INCIDENT, Tlp.AMBER, T0)),
                recorded("d", new NotificationDeliveredEvent(UUID.randomUUID(), "csirt-oncall", "email", INCIDENT,
                        CAMPAIGN, 1, 1, true, T0.plusSeconds(40))));
        given(queries.report(COORDINATOR, INCIDENT)).willReturn(Mono.just(IncidentReport.of(view, events,
                new TimelineEntryFactory(platformObjectMapper()), T0.plusSeconds(3600))));

        asCoordinator(client.get().uri("/api/v1/incidents/{id}/report", INCIDENT))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.incident.incidentId").isEqualTo(INCIDENT.toString())
                .jsonPath("$.timeline[*].type").isEqualTo(List.of("incident.reported", "notification.delivered"))
                .jsonPath("$.notifications[0].stakeholderId").isEqualTo("csirt-oncall")
                .jsonPath("$.notifications[0].redacted").isEqualTo(true)
                .jsonPath("$.responseTimes.triage").isEqualTo(1);

        String markdown = asCoordinator(client.get().uri("/api/v1/incidents/{id}/report?format=markdown", INCIDENT))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/markdown"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(markdown).startsWith("**TLP:AMBER**")
                .contains("# Post-incident review: DDoS on the ticketing portal", "## Summary", "## Response times",
                        "| triage | 1 s |", "## Who was notified and when",
                        "| 2026-07-24T10:20:40.000Z | csirt-oncall | email | 1 | delivered (redacted notice) |",
                        "## Timeline", "| 1 | 2026-07-24T10:20:00.000Z | incident.reported | ops@venue-tokyo (venue-tokyo) |");

        asCoordinator(client.get().uri("/api/v1/incidents/{id}/report?format=stix", INCIDENT))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/stix+json;version=2.1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("bundle")
                .jsonPath("$.objects[?(@.type == 'incident')].name").isEqualTo(List.of("DDoS on the ticketing portal"));

        asCoordinator(client.get().uri("/api/v1/incidents/{id}/report?format=pdf", INCIDENT))
                .exchange().expectStatus().isEqualTo(422);
        as("responder-1", "circc", "responder", client.get().uri("/api/v1/incidents/{id}/report", INCIDENT))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aReportOfAnUnknownIncidentIsNotFound() {
        given(queries.report(COORDINATOR, INCIDENT)).willReturn(Mono.empty());

        asCoordinator(client.get().uri("/api/v1/incidents/{id}/report", INCIDENT)).exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyAnAdminRebuilds() {
        ReadModelRebuild.Progress running = new ReadModelRebuild.Progress(ReadModelRebuild.State.RUNNING, 0, 120, T0);
        given(rebuild.start()).willReturn(running);
        given(rebuild.progress()).willReturn(new ReadModelRebuild.Progress(ReadModelRebuild.State.RUNNING, 40, 120, T0));

        as("coordinator-1", "circc", "coordinator", client.post().uri("/api/v1/admin/rebuild"))
                .exchange().expectStatus().isForbidden();
        verify(rebuild, never()).start();

        as("admin", "circc", "admin", client.post().uri("/api/v1/admin/rebuild"))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.state").isEqualTo("RUNNING")
                .jsonPath("$.total").isEqualTo(120)
                .jsonPath("$.startedAt").isEqualTo("2026-07-24T10:20:00.000Z");
        as("admin", "circc", "admin", client.get().uri("/api/v1/admin/rebuild"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.processed").isEqualTo(40);
    }

    private static WebTestClient.RequestHeadersSpec<?> asCoordinator(WebTestClient.RequestHeadersSpec<?> request) {
        return as("coordinator-1", "circc", "coordinator", request);
    }

    private static WebTestClient.RequestHeadersSpec<?> as(String principal, String organisation, String roles,
                                                          WebTestClient.RequestHeadersSpec<?> request) {
        return request.header(IdentityAssertion.PRINCIPAL, principal)
                .header(IdentityAssertion.ORGANISATION, organisation)
                .header(IdentityAssertion.ROLES, roles);
    }
}
