package org.circc.escalation.command;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Whether a command lost a race with another writer of the same aggregate (another node, a consumer's transaction,
 * a deadline, or a second creator of the same policy). Sent again, it is decided against the winner's events.
 */
public final class Conflicts {

    private Conflicts() {
    }

    public static boolean isConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
