package org.circc.notification.query;

import org.circc.contracts.Category;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;

import java.util.List;

/** What notification knows of a reported incident: enough to decide and fill in a notice's details. */
public record IncidentDetails(IncidentId incidentId, String title, String description, Category category,
                              Sector sector, Tlp tlp, String reporterOrg, List<Observable> observables) {

    public IncidentDetails {
        observables = List.copyOf(observables);
    }
}
