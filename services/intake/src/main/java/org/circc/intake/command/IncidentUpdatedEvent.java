package org.circc.intake.command;

import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.events.Actor;

import java.time.Instant;
import java.util.List;

/** Stored when a note was added: {@code addedObservables} only the new ones, {@code impact} null when unchanged. */
public record IncidentUpdatedEvent(IncidentId incidentId, String note, List<Observable> addedObservables,
                                   Impact impact, Actor actor, Instant occurredAt) {

    public IncidentUpdatedEvent {
        addedObservables = List.copyOf(addedObservables);
    }
}
