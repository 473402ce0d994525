package org.circc.escalation.command;

import org.circc.contracts.IncidentId;

/** The caller may not see the incident (TLP table): answered exactly like an unknown id. */
public class IncidentNotVisibleException extends RuntimeException {

    public IncidentNotVisibleException(IncidentId incidentId) {
        super("no incident " + incidentId);
    }
}
