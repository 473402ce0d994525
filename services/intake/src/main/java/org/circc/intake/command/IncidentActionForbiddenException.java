package org.circc.intake.command;

/** The requester may see the incident but not take this action on it. */
public class IncidentActionForbiddenException extends RuntimeException {

    public IncidentActionForbiddenException(String message) {
        super(message);
    }
}
