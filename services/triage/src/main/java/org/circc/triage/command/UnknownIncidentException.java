package org.circc.triage.command;

import org.circc.contracts.IncidentId;

/** The incident was never triaged here: there is nothing to override. */
public class UnknownIncidentException extends RuntimeException {

    public UnknownIncidentException(IncidentId incidentId) {
        super("no triaged incident " + incidentId);
    }
}
