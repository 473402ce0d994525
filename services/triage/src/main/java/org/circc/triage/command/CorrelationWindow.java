package org.circc.triage.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code circc.triage.correlation.window}: how far apart two reports may have been accepted and still be linked. */
@ConfigurationProperties("circc.triage.correlation")
public record CorrelationWindow(@DefaultValue("PT24H") Duration window) {

    public CorrelationWindow {
        if (window.isNegative()) {
            throw new IllegalArgumentException("circc.triage.correlation.window must not be negative");
        }
    }
}
