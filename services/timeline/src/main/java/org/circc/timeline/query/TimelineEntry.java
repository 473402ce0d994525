package org.circc.timeline.query;

import org.circc.contracts.events.Actor;

import java.time.Instant;
import java.util.Map;

/**
 * One line of an incident's history as api.md shows it, derived from a recorded event: {@code eventId} is the
 * integration event's CloudEvents id, {@code data} the event itself.
 */
public record TimelineEntry(String eventId, Instant at, String type, Actor actor, String summary, Map<String, Object> data) {
}
