package org.circc.timeline.messaging;

import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.contracts.events.StakeholderRemovedEvent;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.circc.timeline.query.IncidentTimelineRepository;
import org.circc.timeline.query.IncidentTimelineRepository.ReportedFacts;
import org.circc.timeline.query.TimelineEntry;
import org.circc.timeline.query.TimelineEntryFactory;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.circc.timeline.TimelineFixtures.CAMPAIGN;
import static org.circc.timeline.TimelineFixtures.platformObjectMapper;
import static org.circc.timeline.TimelineFixtures.received;
import static org.circc.timeline.TimelineFixtures.reported;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class TimelineProjectionTest {

    private static final IncidentId INCIDENT = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");

    private final IncidentTimelineRepository timelines = mock(IncidentTimelineRepository.class);
    private final TimelineProjection projection =
            new TimelineProjection(timelines, new TimelineEntryFactory(platformObjectMapper()));

    @Test
    void theReportAppendsItsEntryWithWhoMayReadTheTimeline() {
        given(timelines.append(any(), any(), any())).willReturn(Mono.just(true));
        ReceivedIntegrationEvent report = received("event-report", reported(INCIDENT, Tlp.AMBER_STRICT, AT));

        projection.handle(report);

        ArgumentCaptor<TimelineEntry> entry = ArgumentCaptor.forClass(TimelineEntry.class);
        verify(timelines).append(eq(INCIDENT), entry.capture(), eq(new ReportedFacts("venue-tokyo", Tlp.AMBER_STRICT)));
        verifyNoMoreInteractions(timelines);
        assertThat(entry.getValue().eventId()).isEqualTo("event-report");
        assertThat(entry.getValue().type()).isEqualTo("incident.reported");
        assertThat(entry.getValue().at()).isEqualTo(AT);
    }

    @Test
    void otherIncidentEventsAppendTheirEntryWithoutReportFacts() {
        given(timelines.append(any(), any(), any())).willReturn(Mono.just(true));
        UUID escalation = UUID.randomUUID();

        projection.handle(received("event-raised", new EscalationLevelRaisedEvent(escalation, CAMPAIGN, INCIDENT, 1,
                List.of("csirt-oncall"), AT.plusSeconds(300), Severity.HIGH, Sector.fromSlug("games-ticketing"),
                Tlp.AMBER, "severity reached the policy's minimum", AT)));
        projection.handle(received("event-delivered", new NotificationDeliveredEvent(UUID.randomUUID(), "csirt-oncall",
                "email", INCIDENT, CAMPAIGN, 1, 1, false, AT.plusSeconds(2))));

        ArgumentCaptor<TimelineEntry> entries = ArgumentCaptor.forClass(TimelineEntry.class);
        verify(timelines, times(2)).append(eq(INCIDENT), entries.capture(), isNull());
        verifyNoMoreInteractions(timelines);
        assertThat(entries.getAllValues()).extracting(TimelineEntry::eventId, TimelineEntry::type).containsExactly(
                tuple("event-raised", "escalation.level-raised"),
                tuple("event-delivered", "notification.delivered"));
    }

    @Test
    void anIncidentEventWithoutATimelineEntryAppendsNothing() {
        projection.handle(received(new CampaignSeverityChangedEvent(CAMPAIGN, INCIDENT, null, Severity.HIGH,
                Set.of(Sector.fromSlug("games-ticketing")), Tlp.AMBER, AT)));

        verifyNoInteractions(timelines);
    }

    @Test
    void eventsThatAreNoIncidentsHistoryAppendNothing() {
        projection.handle(received(new StakeholderRemovedEvent("rail-east-soc", Actor.principal("admin", "circc"), AT)));

        verifyNoInteractions(timelines);
    }

    @Test
    void theConsumerThreadWaitsUntilTheWriteIsDone() {
        AtomicBoolean written = new AtomicBoolean();
        given(timelines.append(any(), any(), any())).willReturn(Mono.fromCallable(() -> {
            written.set(true);
            return true;
        }));

        projection.handle(received(reported(INCIDENT, Tlp.GREEN, AT)));

        assertThat(written).isTrue();
    }

    @Test
    void aFailedWriteFailsTheDeliverySoTheBinderRetriesIt() {
        given(timelines.append(any(), any(), any()))
                .willReturn(Mono.error(new IllegalStateException("MongoDB is away")));

        assertThatThrownBy(() -> projection.handle(received(reported(INCIDENT, Tlp.GREEN, AT))))
                .hasMessageContaining("MongoDB is away");
    }
}
