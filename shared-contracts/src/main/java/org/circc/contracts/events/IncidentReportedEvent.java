package org.circc.contracts.events;

import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;

import java.time.Instant;
import java.util.List;

/** v1 — intake accepted a report. Carries the whole report: readers downstream never call intake back. */
public record IncidentReportedEvent(
        IncidentId incidentId,
        String title,
        String description,
        Category category,
        Sector sector,
        Tlp tlp,
        Impact impact,
        List<String> affectedAssets,
        List<Observable> observables,
        String reporterOrg,
        Instant detectedAt,
        Actor actor,
        Instant occurredAt) implements IncidentEvent {

    public IncidentReportedEvent {
        affectedAssets = List.copyOf(affectedAssets);
        observables = List.copyOf(observables);
    }

    @Override
    public String subject() {
        return incidentId.toString();
    }
}
