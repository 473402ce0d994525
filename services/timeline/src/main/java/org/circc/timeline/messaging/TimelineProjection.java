package org.circc.timeline.messaging;

import org.circc.contracts.events.IncidentEvent;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.circc.timeline.query.IncidentTimelineRepository;
import org.circc.timeline.query.TimelineEntryFactory;

import java.time.Duration;

/**
 * Appends every incident event of every topic to its incident's timeline. Idempotent by itself (appends are keyed
 * by event id), so it needs no inbox; it blocks the Kafka consumer thread until MongoDB confirmed the write.
 */
public class TimelineProjection implements IntegrationEventHandler {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

    private final IncidentTimelineRepository timelines;
    private final TimelineEntryFactory entries;

    public TimelineProjection(IncidentTimelineRepository timelines, TimelineEntryFactory entries) {
        this.timelines = timelines;
        this.entries = entries;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        if (!(event.payload() instanceof IncidentEvent incidentEvent)) {
            return;
        }
        IncidentTimelineRepository.ReportedFacts facts = event.payload() instanceof IncidentReportedEvent reported
                ? new IncidentTimelineRepository.ReportedFacts(reported.reporterOrg(), reported.tlp())
                : null;
        entries.entryFor(event).ifPresent(entry ->
                timelines.append(incidentEvent.incidentId(), entry, facts).block(WRITE_TIMEOUT));
    }
}
