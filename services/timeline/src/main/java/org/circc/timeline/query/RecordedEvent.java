package org.circc.timeline.query;

import org.circc.contracts.events.IntegrationEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * An integration event as the read models keep it: its CloudEvents id (the de-duplication key) and the event.
 * {@link #ORDER} is the one order every fold uses: by time, then by event id, so that the live views and a
 * rebuild, which may receive the topics interleaved differently, fold the same sequence.
 */
public record RecordedEvent(String eventId, IntegrationEvent event) {

    public static final Comparator<RecordedEvent> ORDER =
            Comparator.comparing(RecordedEvent::at).thenComparing(RecordedEvent::eventId);

    /** When it happened, at the millisecond precision the platform keeps times in. */
    public Instant at() {
        return event.occurredAt().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The events that had happened by {@code asOf} (inclusive; null for all of them), in {@link #ORDER}. */
    public static List<RecordedEvent> upTo(List<RecordedEvent> events, Instant asOf) {
        return events.stream()
                .filter(recorded -> asOf == null || !recorded.at().isAfter(asOf))
                .sorted(ORDER)
                .toList();
    }
}
