package org.circc.contracts.events;

import org.circc.contracts.IncidentId;

import java.time.Instant;

/**
 * v1 — an incident moved along its lifecycle (api.md "Lifecycle"). {@code reason} is the operator's or
 * responder's summary for contain, resolve, close and withdraw, and the system's explanation otherwise.
 */
public record IncidentStatusChangedEvent(
        IncidentId incidentId,
        IncidentStatus from,
        IncidentStatus to,
        String reason,
        Actor actor,
        Instant occurredAt) implements IncidentEvent {

    @Override
    public String subject() {
        return incidentId.toString();
    }
}
