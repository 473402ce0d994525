package org.circc.escalation.command;

/** The payload of a level's deadline: it only acts if that level is still the current, unacknowledged one. */
public record AcknowledgementDeadline(int level) {

    public static final String NAME = "acknowledgement-deadline";
}
