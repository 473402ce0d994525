package org.circc.timeline.query;

import org.circc.contracts.events.NotificationDeadLetteredEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.contracts.events.NotificationFailedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a post-incident review needs, whatever its format: the view, the timeline, who was notified and when, and
 * the response times in seconds (null for a stage not reached).
 */
public record IncidentReport(IncidentView incident, List<TimelineEntry> timeline, List<Notification> notifications,
                             Map<String, Long> responseTimes, Instant generatedAt) {

    /** One delivery outcome: {@code delivered}, {@code failed} (retried) or {@code dead-lettered}. */
    public record Notification(Instant at, String stakeholderId, String channel, int level, String outcome,
                               Boolean redacted) {
    }

    public static IncidentReport of(IncidentView incident, List<RecordedEvent> events, TimelineEntryFactory entries,
                                    Instant generatedAt) {
        List<RecordedEvent> ordered = RecordedEvent.upTo(events, null);
        List<TimelineEntry> timeline = ordered.stream().map(entries::entryFor).flatMap(Optional::stream).toList();
        List<Notification> notifications = ordered.stream()
                .map(IncidentReport::notification)
                .flatMap(Optional::stream)
                .toList();
        IncidentView.Milestones milestones = incident.milestones();
        Map<String, Long> responseTimes = new LinkedHashMap<>();
        responseTimes.put("triage", seconds(milestones.toTriage(incident.reportedAt())));
        responseTimes.put("acknowledge", seconds(milestones.toAcknowledge(incident.reportedAt())));
        responseTimes.put("contain", seconds(milestones.toContain(incident.reportedAt())));
        responseTimes.put("resolve", seconds(milestones.toResolve(incident.reportedAt())));
        return new IncidentReport(incident, timeline, notifications, responseTimes, generatedAt);
    }

    private static Optional<Notification> notification(RecordedEvent recorded) {
        if (recorded.event() instanceof NotificationDeliveredEvent e) {
            return Optional.of(new Notification(recorded.at(), e.stakeholderId(), e.channel(), e.level(), "delivered",
                    e.redacted()));
        }
        if (recorded.event() instanceof NotificationFailedEvent e) {
            return Optional.of(new Notification(recorded.at(), e.stakeholderId(), e.channel(), e.level(), "failed", null));
        }
        if (recorded.event() instanceof NotificationDeadLetteredEvent e) {
            return Optional.of(new Notification(recorded.at(), e.stakeholderId(), e.channel(), e.level(),
                    "dead-lettered", null));
        }
        return Optional.empty();
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
