package org.circc.notification.command;

/**
 * api.md's delivery states. SENT: handed to a channel that confirms nothing further (a live stream nobody was
 * connected to); DELIVERED: the channel took it (a webhook's 2xx, the SMTP server's acceptance, a connected
 * stream); FAILED: the last attempt failed and another is scheduled; DEAD_LETTERED: no more attempts.
 */
public enum DeliveryState {
    QUEUED, SENT, DELIVERED, FAILED, DEAD_LETTERED;

    public boolean resendable() {
        return this == FAILED || this == DEAD_LETTERED;
    }
}
