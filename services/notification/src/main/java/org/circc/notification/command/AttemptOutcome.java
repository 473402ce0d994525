package org.circc.notification.command;

/** What one attempt achieved, as the channel reports it. */
public enum AttemptOutcome {
    DELIVERED, SENT,
    /** 408, 429, 5xx, a timeout, a network error, an open circuit or a full bulkhead: worth another attempt */
    RETRYABLE_FAILURE,
    /** any other 4xx, a refused target, a stakeholder without the channel: another attempt would fail the same way */
    PERMANENT_FAILURE
}
