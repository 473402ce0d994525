package org.circc.contracts;

/**
 * A value handed to one of the shared value types could not be parsed or broke one of its rules.
 *
 * <p>The message is written for a human API client: it quotes the offending input (shortened and
 * with control characters escaped) and says what would have been accepted, so services can pass it
 * straight into the {@code detail} or {@code errors[].message} of an RFC 9457 problem response.
 */
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }
}
