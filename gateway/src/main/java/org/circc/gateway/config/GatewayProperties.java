package org.circc.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * {@code circc.gateway.*}: where the services are and how long the gateway waits for them.
 *
 * @param services        base URI of each service
 * @param responseTimeout how long a (non-streaming) route may take before the caller gets a 503
 * @param retryAfter      what the gateway's own 503 answers put in {@code Retry-After}
 * @param maxConcurrentCalls how many requests one route may have in flight to its service; the next one gets a 503
 *                        at once (a bulkhead: a slow service cannot hold every gateway connection)
 * @param routes          per-route overrides, keyed by route id (see {@link GatewayRoutes})
 */
@ConfigurationProperties("circc.gateway")
public record GatewayProperties(
        @DefaultValue Services services,
        @DefaultValue("10s") Duration responseTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("256") int maxConcurrentCalls,
        Map<String, RouteSettings> routes) {

    public GatewayProperties {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        requirePositive(responseTimeout, "circc.gateway.response-timeout");
        requirePositive(retryAfter, "circc.gateway.retry-after");
        requirePositive(maxConcurrentCalls, "circc.gateway.max-concurrent-calls");
        routes.forEach((id, settings) -> {
            if (settings.responseTimeout() != null) {
                requirePositive(settings.responseTimeout(), "circc.gateway.routes." + id + ".response-timeout");
            }
            if (settings.maxConcurrentCalls() != null) {
                requirePositive(settings.maxConcurrentCalls(), "circc.gateway.routes." + id + ".max-concurrent-calls");
            }
        });
    }

    /** The response timeout of one route: its own setting, else {@link #responseTimeout()}. */
    public Duration responseTimeout(String routeId) {
        RouteSettings settings = routes.get(routeId);
        return settings != null && settings.responseTimeout() != null ? settings.responseTimeout() : responseTimeout;
    }

    /** The in-flight limit of one route: its own setting, else {@link #maxConcurrentCalls()}. */
    public int maxConcurrentCalls(String routeId) {
        RouteSettings settings = routes.get(routeId);
        return settings != null && settings.maxConcurrentCalls() != null ? settings.maxConcurrentCalls() : maxConcurrentCalls;
    }

    /** {@code Retry-After} in whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }

    private static void requirePositive(Duration value, String property) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(property + " must be a positive duration, was " + value);
        }
    }

    public record Services(
            @DefaultValue("http://127.0.0.1:8081") URI intake,
            @DefaultValue("http://127.0.0.1:8082") URI triage,
            @DefaultValue("http://127.0.0.1:8083") URI escalation,
            @DefaultValue("http://127.0.0.1:8084") URI notification,
            @DefaultValue("http://127.0.0.1:8085") URI timeline) {
    }

    private static void requirePositive(int value, String property) {
        if (value < 1) {
            throw new IllegalArgumentException(property + " must be at least 1, was " + value);
        }
    }

    public record RouteSettings(Duration responseTimeout, Integer maxConcurrentCalls) {
    }
}
