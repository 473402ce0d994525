package org.circc.escalation.command;

/** The caller may see the incident but is neither targeted at the current level nor a coordinator. */
public class AcknowledgementForbiddenException extends RuntimeException {

    public AcknowledgementForbiddenException(String message) {
        super(message);
    }
}
