package org.circc.timeline.query;

import org.circc.contracts.IncidentId;
import org.circc.contracts.Tlp;

import java.util.List;

/**
 * An incident's timeline document: one per incident (bucket pattern, read by {@code _id}). {@code reporterOrg}
 * and {@code tlp} are null until the report itself arrived: events of other topics may come first.
 */
public record IncidentTimeline(IncidentId incidentId, String reporterOrg, Tlp tlp, List<TimelineEntry> entries) {

    public IncidentTimeline {
        entries = List.copyOf(entries);
    }

    public boolean reported() {
        return reporterOrg != null && tlp != null;
    }
}
