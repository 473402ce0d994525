package org.circc.escalation.command;

import java.time.Instant;

/**
 * The payload of a chain's deadline (a level's ackWithin, or the next reminder of an exhausted chain). Only the
 * chain's current deadline acts: one that an acknowledgement, a jump or a merge made obsolete finds another
 * {@code due} in the chain and does nothing, so obsolete deadlines need not be cancelled.
 */
public record AcknowledgementDeadline(int level, Instant due) {

    public static final String NAME = "acknowledgement-deadline";
}
