package org.circc.intake.command;

/** The action contradicts the incident's state (api.md: 409). */
public class IllegalIncidentTransitionException extends RuntimeException {

    public IllegalIncidentTransitionException(String message) {
        super(message);
    }
}
