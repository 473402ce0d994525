package org.circc.timeline.web;

import org.circc.contracts.identity.IdentityAssertion;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.timeline.query.IncidentTimeline;
import org.circc.timeline.query.IncidentTimelineRepository;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

@WebFluxTest(TimelineController.class)
class TimelineControllerTest {

    private static final IncidentId INCIDENT = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final String TIMELINE = "/api/v1/incidents/{id}/timeline";

    private static final TimelineEntry REPORTED = new TimelineEntry("e-report", Instant.parse("2026-07-24T10:20:00Z"),
            "incident.reported", Actor.principal("ops@venue-tokyo", "venue-tokyo"),
            "Reported by ops@venue-tokyo (venue-tokyo): DDoS on the ticketing portal",
            Map.of("title", "DDoS on the ticketing portal", "tlp", "TLP:AMBER"));
    private static final TimelineEntry RAISED = new TimelineEntry("e-raised", Instant.parse("2026-07-24T10:21:00.5Z"),
            "escalation.level-raised", Actor.system("escalation"), "Level 1 raised: csirt-oncall, responder-1",
            Map.of("level", 1, "targets", List.of("csirt-oncall", "responder-1")));
    private static final TimelineEntry DELIVERED = new TimelineEntry("e-delivered", Instant.parse("2026-07-24T10:22:00Z"),
            "notification.delivered", Actor.system("notification"), "Notified csirt-oncall by email (level 1)",
            Map.of("stakeholderId", "csirt-oncall"));

    @Autowired
    WebTestClient client;

    @MockitoBean
    IncidentTimelineRepository timelines;

    @Test
    void entriesComeInTimeOrderNumberedFromOne() {
        givenTimeline(Tlp.AMBER, DELIVERED, REPORTED, RAISED);

        asCoordinator(client.get().uri(TIMELINE, INCIDENT))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.incidentId").isEqualTo(INCIDENT.toString())
                .jsonPath("$.entries.length()").isEqualTo(3)
                .jsonPath("$.entries[*].seq").isEqualTo(List.of(1, 2, 3))
                .jsonPath("$.entries[*].type").isEqualTo(List.of("incident.reported", "escalation.level-raised",
                        "notification.delivered"))
                .jsonPath("$.entries[0].at").isEqualTo("2026-07-24T10:20:00.000Z")
                .jsonPath("$.entries[0].actor.kind").isEqualTo("principal")
                .jsonPath("$.entries[0].actor.id").isEqualTo("ops@venue-tokyo")
                .jsonPath("$.entries[0].actor.organisation").isEqualTo("venue-tokyo")
                .jsonPath("$.entries[0].summary").isEqualTo(REPORTED.summary())
                .jsonPath("$.entries[0].data.title").isEqualTo("DDoS on the ticketing portal")
                .jsonPath("$.entries[1].at").isEqualTo("2026-07-24T10:21:00.500Z")
                .jsonPath("$.entries[1].actor.kind").isEqualTo("system")
                .jsonPath("$.entries[1].actor.id").isEqualTo("escalation")
                .jsonPath("$.entries[1].actor.organisation").doesNotExist()
                .jsonPath("$.entries[1].data.targets").isEqualTo(List.of("csirt-oncall", "responder-1"))
                .jsonPath("$.entries[2].at").isEqualTo("2026-07-24T10:22:00.000Z")
                .jsonPath("$.entries[0].eventId").doesNotExist();
    }

    @Test
    void asOfKeepsWhatHadHappenedByThenWhateverItsOffset() {
        givenTimeline(Tlp.AMBER, DELIVERED, REPORTED, RAISED);

        // 19:21:00.5+09:00 is the instant of RAISED: an entry at asOf itself is kept
        asCoordinator(client.get().uri(TIMELINE + "?asOf={asOf}", INCIDENT, "2026-07-24T19:21:00.5+09:00"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries[*].seq").isEqualTo(List.of(1, 2))
                .jsonPath("$.entries[*].type").isEqualTo(List.of("incident.reported", "escalation.level-raised"));

        asCoordinator(client.get().uri(TIMELINE + "?asOf={asOf}", INCIDENT, "2026-07-24T10:20:59.999999Z"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.entries[*].seq").isEqualTo(List.of(1))
                .jsonPath("$.entries[0].type").isEqualTo("incident.reported");

        asCoordinator(client.get().uri(TIMELINE + "?asOf={asOf}", INCIDENT, "2026-07-24T10:19:59Z"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.incidentId").isEqualTo(INCIDENT.toString())
                .jsonPath("$.entries.length()").isEqualTo(0);
    }

    @Test
    void asOfWithoutAnOffsetIsABadRequest() {
        givenTimeline(Tlp.AMBER, REPORTED);

        asCoordinator(client.get().uri(TIMELINE + "?asOf={asOf}", INCIDENT, "2026-07-24T10:21:00"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.type").isEqualTo("urn:circc:problem:bad-request")
                .jsonPath("$.title").isEqualTo("Malformed request")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("asOf").contains("offset"));
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        given(timelines.find(INCIDENT)).willReturn(Mono.empty());

        expectNotFound(asCoordinator(client.get().uri(TIMELINE, INCIDENT)));
    }

    @Test
    void anIncidentTheCallerMayNotSeeIsNotFound() {
        givenTimeline(Tlp.AMBER, REPORTED, RAISED);

        expectNotFound(client.get().uri(TIMELINE, INCIDENT)
                .header(IdentityAssertion.PRINCIPAL, "ops@rail-east")
                .header(IdentityAssertion.ORGANISATION, "rail-east")
                .header(IdentityAssertion.ROLES, "operator"));
    }

    @Test
    void theReportingOrganisationSeesItsOwnIncident() {
        givenTimeline(Tlp.RED, REPORTED);

        client.get().uri(TIMELINE, INCIDENT)
                .header(IdentityAssertion.PRINCIPAL, "ops@venue-tokyo")
                .header(IdentityAssertion.ORGANISATION, "venue-tokyo")
                .header(IdentityAssertion.ROLES, "operator")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.entries[0].type").isEqualTo("incident.reported");
    }

    @Test
    void aTimelineWhoseReportHasNotArrivedIsNotFoundEvenForACoordinator() {
        given(timelines.find(INCIDENT)).willReturn(Mono.just(new IncidentTimeline(INCIDENT, null, null, List.of(RAISED))));

        expectNotFound(asCoordinator(client.get().uri(TIMELINE, INCIDENT)));
    }

    @Test
    void anIdThatIsNoUuidIsNotFound() {
        expectNotFound(asCoordinator(client.get().uri(TIMELINE, "not-a-uuid")));

        verify(timelines, never()).find(any());
    }

    @Test
    void aRequestWithoutIdentityIsUnauthenticated() {
        givenTimeline(Tlp.CLEAR, REPORTED);

        client.get().uri(TIMELINE, INCIDENT)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.type").isEqualTo("urn:circc:problem:unauthorized")
                .jsonPath("$.entries").doesNotExist();
    }

    private void givenTimeline(Tlp tlp, TimelineEntry... entries) {
        given(timelines.find(INCIDENT))
                .willReturn(Mono.just(new IncidentTimeline(INCIDENT, "venue-tokyo", tlp, List.of(entries))));
    }

    private static WebTestClient.RequestHeadersSpec<?> asCoordinator(WebTestClient.RequestHeadersSpec<?> request) {
        return request.header(IdentityAssertion.PRINCIPAL, "coordinator-1")
                .header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, "coordinator");
    }

    private static void expectNotFound(WebTestClient.RequestHeadersSpec<?> request) {
        request.exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.type").isEqualTo("urn:circc:problem:not-found")
                .jsonPath("$.title").isEqualTo("Not found")
                .jsonPath("$.entries").doesNotExist();
    }
}
