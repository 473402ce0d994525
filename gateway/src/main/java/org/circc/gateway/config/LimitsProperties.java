package org.circc.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Map;

/**
 * {@code circc.gateway.limits.*}: what the gateway refuses before any service sees it.
 *
 * @param maxBodySize     the largest request body (api.md: a report is at most 256 KiB); larger is 413, also
 *                        for chunked bodies, which are counted as they stream through, never buffered
 * @param requestsPerPeriod how many requests one principal may make per {@code period} (429 beyond); generous,
 *                        so that a trusted operator's surge intake is not throttled. In memory, so per gateway
 *                        replica
 * @param period          the rate-limit window
 * @param principals      per-principal overrides of {@code requestsPerPeriod}, keyed by principal name
 */
@ConfigurationProperties("circc.gateway.limits")
public record LimitsProperties(
        @DefaultValue("256KB") DataSize maxBodySize,
        @DefaultValue("1000") int requestsPerPeriod,
        @DefaultValue("1s") Duration period,
        Map<String, Integer> principals) {

    public LimitsProperties {
        principals = principals == null ? Map.of() : Map.copyOf(principals);
        if (maxBodySize.toBytes() <= 0) {
            throw new IllegalArgumentException("circc.gateway.limits.max-body-size must be positive");
        }
        if (requestsPerPeriod <= 0 || principals.values().stream().anyMatch(limit -> limit <= 0)) {
            throw new IllegalArgumentException("circc.gateway.limits request limits must be positive");
        }
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("circc.gateway.limits.period must be positive");
        }
    }

    public int requestsPerPeriodFor(String principal) {
        return principals.getOrDefault(principal, requestsPerPeriod);
    }
}
