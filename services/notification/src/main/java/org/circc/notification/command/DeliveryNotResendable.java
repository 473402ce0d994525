package org.circc.notification.command;

/** A resend of a delivery that is neither FAILED nor DEAD_LETTERED. */
public class DeliveryNotResendable extends RuntimeException {

    public DeliveryNotResendable(String message) {
        super(message);
    }
}
