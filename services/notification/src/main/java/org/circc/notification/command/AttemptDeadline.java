package org.circc.notification.command;

/**
 * A scheduled look at attempt {@code attempt}: a {@code RETRY} makes it once its back-off has passed; an
 * {@code OVERDUE} makes it again when its outcome was never recorded. Stale ones find nothing to do.
 */
public record AttemptDeadline(Kind kind, int attempt) {

    public static final String NAME = "delivery-attempt";

    public enum Kind { RETRY, OVERDUE }
}
