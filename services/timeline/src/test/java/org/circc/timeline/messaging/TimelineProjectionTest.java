package org.circc.timeline.messaging;

import org.circc.contracts.IncidentId;
import org.circc.contracts.Tlp;
import org.circc.timeline.query.ReadModelGenerations;
import org.circc.timeline.query.ReadModelProjector;
import org.circc.timeline.query.ReadModels;
import org.circc.timeline.query.RecordedEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.circc.timeline.TimelineFixtures.received;
import static org.circc.timeline.TimelineFixtures.reported;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class TimelineProjectionTest {

    private static final IncidentId INCIDENT = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");

    private final ReadModelGenerations generations = mock(ReadModelGenerations.class);
    private final ReadModelProjector projector = mock(ReadModelProjector.class);
    private final TimelineProjection projection = new TimelineProjection(generations, projector);
    private final ReadModels active = mock(ReadModels.class);
    private final ReadModels rebuilding = mock(ReadModels.class);

    @Test
    void everyEventGoesToEveryGenerationBeingWrittenUnderItsCloudEventsIdAndOnlyTheServingOneRecordsMetrics() {
        given(generations.active()).willReturn(active);
        given(generations.writeTargets()).willReturn(List.of(active, rebuilding));

        projection.handle(received("event-report", reported(INCIDENT, Tlp.AMBER, AT)));

        RecordedEvent expected = new RecordedEvent("event-report", reported(INCIDENT, Tlp.AMBER, AT));
        verify(projector).projectLive(active, expected);
        verify(projector).project(rebuilding, expected);
        verifyNoMoreInteractions(projector);
    }

    @Test
    void aFailedWriteFailsTheDeliverySoTheBinderRetriesIt() {
        given(generations.active()).willReturn(active);
        given(generations.writeTargets()).willReturn(List.of(active));
        willThrow(new IllegalStateException("MongoDB is away")).given(projector).projectLive(any(), any());

        assertThatThrownBy(() -> projection.handle(received(reported(INCIDENT, Tlp.GREEN, AT))))
                .hasMessageContaining("MongoDB is away");
    }
}
