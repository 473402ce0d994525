package org.circc.intake.command;

import org.circc.contracts.IncidentId;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IncidentStatus;

import java.time.Instant;

/** Stored when the lifecycle moved: from, to, why, who and when. */
public record IncidentStatusChangedEvent(IncidentId incidentId, IncidentStatus from, IncidentStatus to,
                                         String reason, Actor actor, Instant occurredAt) {
}
