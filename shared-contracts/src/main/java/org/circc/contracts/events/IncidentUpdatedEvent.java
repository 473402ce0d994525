package org.circc.contracts.events;

import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;

import java.time.Instant;
import java.util.List;

/** v1 — a note was added to an incident; {@code addedObservables} are only the new ones, {@code impact} is null when unchanged. */
public record IncidentUpdatedEvent(
        IncidentId incidentId,
        String note,
        List<Observable> addedObservables,
        Impact impact,
        Actor actor,
        Instant occurredAt) implements IncidentEvent {

    public IncidentUpdatedEvent {
        addedObservables = List.copyOf(addedObservables);
    }

    @Override
    public String subject() {
        return incidentId.toString();
    }
}
