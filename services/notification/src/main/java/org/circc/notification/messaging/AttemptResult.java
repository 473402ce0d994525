package org.circc.notification.messaging;

import org.circc.notification.command.AttemptOutcome;

/** What a channel reports of one attempt: the outcome, the response code if there was one, the error if it failed. */
public record AttemptResult(AttemptOutcome outcome, Integer status, String error) {

    public static AttemptResult delivered(Integer status) {
        return new AttemptResult(AttemptOutcome.DELIVERED, status, null);
    }

    public static AttemptResult retryable(Integer status, String error) {
        return new AttemptResult(AttemptOutcome.RETRYABLE_FAILURE, status, error);
    }

    public static AttemptResult permanent(Integer status, String error) {
        return new AttemptResult(AttemptOutcome.PERMANENT_FAILURE, status, error);
    }
}
