package org.circc.notification.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code circc.notification.*}: the sender of e-mails, storm suppression, retries (api.md's defaults) and webhooks.
 *
 * @param suppressionWindow  at most one message per stakeholder, campaign and level within it; then a digest
 * @param digestPollInterval how often closed windows are looked for (a digest is at most this late)
 */
@ConfigurationProperties("circc.notification")
public record NotificationProperties(
        @DefaultValue("circc@localhost") String mailFrom,
        @DefaultValue("PT5M") Duration suppressionWindow,
        @DefaultValue("PT1S") Duration digestPollInterval,
        @DefaultValue Retry retry,
        @DefaultValue Webhooks webhooks) {

    /** Exponential back-off from {@code initialDelay} doubling to {@code maxDelay}, for up to {@code giveUpAfter}. */
    public record Retry(
            @DefaultValue("PT1S") Duration initialDelay,
            @DefaultValue("PT60S") Duration maxDelay,
            @DefaultValue("PT15M") Duration giveUpAfter,
            @DefaultValue("PT2M") Duration attemptOverdueAfter,
            @DefaultValue("0.5") double jitter) {
    }

    /**
     * @param allowPrivateTargets loopback and private webhook targets: refused unless true (the {@code local} profile)
     * @param maxConcurrentPerEndpoint the bulkhead of each endpoint
     * @param failureRateThreshold percent of failed calls among the last {@code minimumCalls} that opens a circuit
     * @param openFor how long an open circuit refuses calls before it lets a few through
     */
    public record Webhooks(
            @DefaultValue("PT10S") Duration timeout,
            @DefaultValue("false") boolean allowPrivateTargets,
            @DefaultValue("16") int maxConcurrentPerEndpoint,
            @DefaultValue("50") int failureRateThreshold,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("PT30S") Duration openFor) {
    }
}
