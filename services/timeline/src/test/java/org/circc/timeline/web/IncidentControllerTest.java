package org.circc.timeline.web;

import org.circc.contracts.IncidentId;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.identity.IdentityAssertion;
import org.circc.contracts.sharing.Viewer;
import org.circc.timeline.query.IncidentQueries;
import org.circc.timeline.query.IncidentView;
import org.circc.timeline.query.IncidentViews;
import org.circc.timeline.query.Page;
import org.circc.timeline.query.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circc.timeline.TimelineFixtures.triagedView;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

@WebFluxTest(IncidentController.class)
class IncidentControllerTest {

    private static final IncidentId INCIDENT = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final Viewer COORDINATOR = new Viewer("coordinator-1", "circc", true);
    private static final Viewer RAIL_OPERATOR = new Viewer("ops@rail-east", "rail-east", false);
    private static final Instant REPORTED_AT = Instant.parse("2026-07-24T10:20:00Z");

    private static final TimelineEntry REPORTED = new TimelineEntry("e-report", REPORTED_AT,
            "incident.reported", Actor.principal("ops@venue-tokyo", "venue-tokyo"),
            "Reported by ops@venue-tokyo (venue-tokyo): DDoS on the ticketing portal",
            Map.of("title", "DDoS on the ticketing portal", "tlp", "TLP:AMBER"));
    private static final TimelineEntry RAISED = new TimelineEntry("e-raised", Instant.parse("2026-07-24T10:21:00.5Z"),
            "escalation.level-raised", Actor.system("escalation"), "Level 1 raised: csirt-oncall, responder-1",
            Map.of("level", 1, "targets", List.of("csirt-oncall", "responder-1")));

    @Autowired
    WebTestClient client;

    @MockitoBean
    IncidentQueries queries;

    @Test
    void theViewHasTheFieldsOfApiMdAndNothingOnlyTheSharingRuleNeeds() {
        given(queries.view(COORDINATOR, INCIDENT)).willReturn(Mono.just(triagedView(INCIDENT, Tlp.AMBER, REPORTED_AT)));

        asCoordinator(client.get().uri("/api/v1/incidents/{id}", INCIDENT))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.incidentId").isEqualTo(INCIDENT.toString())
                .jsonPath("$.title").isEqualTo("DDoS on the ticketing portal")
                .jsonPath("$.category").isEqualTo("availability:ddos")
                .jsonPath("$.sector").isEqualTo("games-ticketing")
                .jsonPath("$.tlp").isEqualTo("TLP:AMBER")
                .jsonPath("$.status").isEqualTo("TRIAGED")
                .jsonPath("$.severity.level").isEqualTo(3)
                .jsonPath("$.severity.name").isEqualTo("High")
                .jsonPath("$.severityFactors[0].factor").isEqualTo("functional")
                .jsonPath("$.campaignId").isNotEmpty()
                .jsonPath("$.escalation.level").isEqualTo(0)
                .jsonPath("$.escalation.state").isEqualTo("NONE")
                .jsonPath("$.reporterOrg").isEqualTo("venue-tokyo")
                .jsonPath("$.reportedAt").isEqualTo("2026-07-24T10:20:00.000Z")
                .jsonPath("$.detectedAt").isEqualTo("2026-07-24T10:15:00.000Z")
                .jsonPath("$.impact.functional").isEqualTo("high")
                .jsonPath("$.affectedAssets[0]").isEqualTo("tickets.example.jp")
                .jsonPath("$.observables[0].value").isEqualTo("203.0.113.7")
                .jsonPath("$.updatedAt").isEqualTo("2026-07-24T10:20:01.000Z")
                .jsonPath("$.escalationTargets").doesNotExist()
                .jsonPath("$.milestones").doesNotExist();
    }

    @Test
    void anIncidentTheCallerMayNotSeeIsNotFound() {
        given(queries.view(RAIL_OPERATOR, INCIDENT)).willReturn(Mono.empty());

        expectNotFound(asRailOperator(client.get().uri("/api/v1/incidents/{id}", INCIDENT)));
    }

    @Test
    void theListPassesItsFiltersAndAnswersAPage() {
        IncidentViews.Filter filter = new IncidentViews.Filter(List.of("ESCALATED", "TRIAGED"), 3,
                List.of("games-ticketing"), List.of());
        IncidentView view = triagedView(INCIDENT, Tlp.GREEN, REPORTED_AT);
        given(queries.list(RAIL_OPERATOR, filter, 1, 10)).willReturn(Mono.just(new Page<>(List.of(view), 1, 10, 11)));

        asRailOperator(client.get().uri("/api/v1/incidents?status=ESCALATED&status=triaged&minSeverity=3"
                        + "&sector=games-ticketing&page=1&size=10"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].incidentId").isEqualTo(INCIDENT.toString())
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(10)
                .jsonPath("$.total").isEqualTo(11);
    }

    @Test
    void listFiltersThatBreakARuleAreUnprocessableWithTheirFields() {
        asRailOperator(client.get().uri("/api/v1/incidents?status=OPEN&minSeverity=9&sector=moon&campaignId=x&size=501"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("status", "sector", "campaignId", "minSeverity", "size"));

        verify(queries, never()).list(any(), any(), anyInt(), anyInt());
    }

    @Test
    void aSeverityThatIsNoNumberIsABadRequest() {
        asRailOperator(client.get().uri("/api/v1/incidents?minSeverity=high"))
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void timelineEntriesAreNumberedFromOneWithTheirActors() {
        given(queries.timeline(COORDINATOR, INCIDENT, null)).willReturn(Mono.just(List.of(REPORTED, RAISED)));

        asCoordinator(client.get().uri("/api/v1/incidents/{id}/timeline", INCIDENT))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.incidentId").isEqualTo(INCIDENT.toString())
                .jsonPath("$.entries[*].seq").isEqualTo(List.of(1, 2))
                .jsonPath("$.entries[*].type").isEqualTo(List.of("incident.reported", "escalation.level-raised"))
                .jsonPath("$.entries[0].at").isEqualTo("2026-07-24T10:20:00.000Z")
                .jsonPath("$.entries[0].actor.kind").isEqualTo("principal")
                .jsonPath("$.entries[0].actor.organisation").isEqualTo("venue-tokyo")
                .jsonPath("$.entries[0].summary").isEqualTo(REPORTED.summary())
                .jsonPath("$.entries[1].at").isEqualTo("2026-07-24T10:21:00.500Z")
                .jsonPath("$.entries[1].actor.kind").isEqualTo("system")
                .jsonPath("$.entries[1].actor.organisation").doesNotExist()
                .jsonPath("$.entries[1].data.targets").isEqualTo(List.of("csirt-oncall", "responder-1"))
                .jsonPath("$.entries[0].eventId").doesNotExist();
    }

    @Test
    void asOfIsReadWithItsOffset() {
        given(queries.timeline(COORDINATOR, INCIDENT, Instant.parse("2026-07-24T10:21:00.500Z")))
                .willReturn(Mono.just(List.of(REPORTED, RAISED)));
        given(queries.state(eq(COORDINATOR), eq(INCIDENT), eq(Instant.parse("2026-07-24T10:20:30Z"))))
                .willReturn(Mono.just(triagedView(INCIDENT, Tlp.AMBER, REPORTED_AT)));

        asCoordinator(client.get().uri("/api/v1/incidents/{id}/timeline?asOf={asOf}", INCIDENT,
                        "2026-07-24T19:21:00.5+09:00"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.entries.length()").isEqualTo(2);
        asCoordinator(client.get().uri("/api/v1/incidents/{id}/state?asOf={asOf}", INCIDENT, "2026-07-24T10:20:30Z"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("TRIAGED");
    }

    @Test
    void theStateBeforeTheIncidentExistedIsNotFound() {
        given(queries.state(COORDINATOR, INCIDENT, Instant.parse("2026-07-24T09:00:00Z"))).willReturn(Mono.empty());

        asCoordinator(client.get().uri("/api/v1/incidents/{id}/state?asOf={asOf}", INCIDENT, "2026-07-24T09:00:00Z"))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("as of"));
    }

    @Test
    void asOfWithoutAnOffsetIsABadRequest() {
        asCoordinator(client.get().uri("/api/v1/incidents/{id}/timeline?asOf={asOf}", INCIDENT, "2026-07-24T10:21:00"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:circc:problem:bad-request")
                .jsonPath("$.title").isEqualTo("Malformed request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("asOf").contains("offset"));
    }

    @Test
    void anIdThatIsNoUuidIsNotFound() {
        expectNotFound(asCoordinator(client.get().uri("/api/v1/incidents/{id}/timeline", "not-a-uuid")));

        verify(queries, never()).timeline(any(), any(), any());
    }

    @Test
    void aRequestWithoutIdentityIsUnauthenticated() {
        client.get().uri("/api/v1/incidents/{id}", INCIDENT)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:circc:problem:unauthorized");
    }

    private static WebTestClient.RequestHeadersSpec<?> asCoordinator(WebTestClient.RequestHeadersSpec<?> request) {
        return request.header(IdentityAssertion.PRINCIPAL, "coordinator-1")
                .header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, "coordinator");
    }

    private static WebTestClient.RequestHeadersSpec<?> asRailOperator(WebTestClient.RequestHeadersSpec<?> request) {
        return request.header(IdentityAssertion.PRINCIPAL, "ops@rail-east")
                .header(IdentityAssertion.ORGANISATION, "rail-east")
                .header(IdentityAssertion.ROLES, "operator");
    }

    private static void expectNotFound(WebTestClient.RequestHeadersSpec<?> request) {
        request.exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.type").isEqualTo("urn:circc:problem:not-found")
                .jsonPath("$.title").isEqualTo("Not found");
    }
}
