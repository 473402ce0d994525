package org.circc.escalation.command;

/** The chain has ended, or the incident never had one: there is nothing to acknowledge (409). */
public class EscalationNotRunningException extends RuntimeException {

    public EscalationNotRunningException(String message) {
        super(message);
    }
}
