package org.circc.timeline.web;

import org.circc.contracts.IncidentId;
import org.circc.contracts.events.Actor;
import org.circc.contracts.identity.IdentityAssertion;
import org.circc.platform.config.ClockConfiguration;
import org.circc.timeline.query.IncidentQueries;
import org.circc.timeline.query.ReplayLog;
import org.circc.timeline.query.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/** Replay over server-sent events, end to end through WebFlux: order, pace, completion. */
@WebFluxTest(ReviewController.class)
@Import(ClockConfiguration.class)
class ReplayControllerTest {

    private static final Instant T0 = Instant.parse("2026-07-24T10:20:00Z");
    private static final IncidentId INCIDENT = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    @Autowired
    WebTestClient client;

    @MockitoBean
    IncidentQueries queries;

    @Test
    void everyEntryComesInIngestOrderAtTheRequestedSpeedAndTheStreamCompletes() {
        // 0 s, 10 s and 20 s after the first: at speed 50 that is 0, 200 and 400 ms
        given(queries.replay(T0, T0.plusSeconds(3600))).willReturn(Flux.just(
                logged(7, "incident.reported", 0), logged(9, "incident.triaged", 10), logged(12, "escalation.level-raised", 20)));

        // timed from before the request: the first entries may already be paced out while exchange() waits
        long started = System.nanoTime();
        Flux<ServerSentEvent<Map<String, Object>>> events = asCoordinator(client.get()
                .uri("/api/v1/replay?from={from}&to={to}&speed=50", "2026-07-24T10:20:00Z", "2026-07-24T11:20:00Z")
                .accept(MediaType.TEXT_EVENT_STREAM))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(EVENT)
                .getResponseBody();

        StepVerifier.create(events)
                .assertNext(event -> {
                    assertThat(event.id()).isEqualTo("7");
                    assertThat(event.event()).isEqualTo("incident.reported");
                    assertThat(event.data()).containsEntry("incidentId", INCIDENT.toString())
                            .containsEntry("type", "incident.reported")
                            .containsEntry("at", "2026-07-24T10:20:00.000Z")
                            .containsEntry("summary", "summary of incident.reported");
                })
                .assertNext(event -> assertThat(event.id()).isEqualTo("9"))
                .assertNext(event -> {
                    assertThat(event.id()).isEqualTo("12");
                    assertThat(event.event()).isEqualTo("escalation.level-raised");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("paced at 50 times real time, not all at once and not at real time")
                .isBetween(Duration.ofMillis(350), Duration.ofSeconds(5));
    }

    @Test
    void speedZeroSendsAsFastAsTheClientReads() {
        given(queries.replay(T0, T0.plusSeconds(3600))).willReturn(Flux.just(
                logged(1, "incident.reported", 0), logged(2, "incident.triaged", 3600)));

        Flux<ServerSentEvent<Map<String, Object>>> events = asCoordinator(client.get()
                .uri("/api/v1/replay?from={from}&to={to}&speed=0", "2026-07-24T10:20:00Z", "2026-07-24T11:20:00Z")
                .accept(MediaType.TEXT_EVENT_STREAM))
                .exchange()
                .returnResult(EVENT)
                .getResponseBody();

        StepVerifier.create(events.map(ServerSentEvent::id))
                .expectNext("1", "2")
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void onlyCoordinatorsReplayAndBadParametersAreProblems() {
        client.get().uri("/api/v1/replay")
                .header(IdentityAssertion.PRINCIPAL, "responder-1")
                .header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, "responder")
                .exchange()
                .expectStatus().isForbidden();
        asCoordinator(client.get().uri("/api/v1/replay?speed=-1")).exchange().expectStatus().isEqualTo(422);
        asCoordinator(client.get().uri("/api/v1/replay?speed=fast")).exchange().expectStatus().isBadRequest();
        asCoordinator(client.get().uri("/api/v1/replay?from=2026-07-24T11:00:00Z&to=2026-07-24T10:00:00Z"))
                .exchange().expectStatus().isEqualTo(422);
    }

    private static ReplayLog.Logged logged(long position, String type, long second) {
        return new ReplayLog.Logged(position, INCIDENT, new TimelineEntry("e" + position, T0.plusSeconds(second), type,
                Actor.system("test"), "summary of " + type, Map.of("level", List.of(1))));
    }

    private static WebTestClient.RequestHeadersSpec<?> asCoordinator(WebTestClient.RequestHeadersSpec<?> request) {
        return request.header(IdentityAssertion.PRINCIPAL, "coordinator-1")
                .header(IdentityAssertion.ORGANISATION, "circc")
                .header(IdentityAssertion.ROLES, "coordinator");
    }
}
