package org.circc.gateway.web;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;

import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Where a guarded route's circuit breaker forwards when its service is down, too slow, or its circuit is open.
 * Reached only by that internal forward (which does not pass the security filters again); from outside,
 * {@code /fallback/**} matches no access rule and is answered 404.
 */
@RestController
public class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);
    public static final String PATH = "/fallback/";

    private final Problems problems;
    private final MeterRegistry meterRegistry;

    public FallbackController(Problems problems, MeterRegistry meterRegistry) {
        this.problems = problems;
        this.meterRegistry = meterRegistry;
    }

    @RequestMapping(PATH + "{service}")
    public ResponseEntity<Map<String, Object>> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        PayloadTooLargeException tooLarge = causeOfType(cause, PayloadTooLargeException.class);
        if (tooLarge != null) {
            // the caller's chunked body passed the limit while streaming: the caller's fault, not the service's
            return problems.entity(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getCause().getMessage());
        }
        String reason;
        String detail;
        if (cause instanceof TimeoutException) {
            reason = "timeout";
            detail = "The " + service + " service did not answer in time.";
        } else if (cause instanceof CallNotPermittedException) {
            reason = "circuit-open";
            detail = "The " + service + " service is failing; the gateway is holding requests back for a while.";
        } else if (cause instanceof BulkheadFullException) {
            reason = "bulkhead-full";
            detail = "The " + service + " service has as many requests in flight as the gateway allows.";
        } else {
            reason = "unreachable";
            detail = "The " + service + " service cannot be reached.";
        }
        meterRegistry.counter("circc.gateway.requests.unavailable", "route", service, "reason", reason).increment();
        // the caller sees a generic 503; the operator needs the cause. Shedding by an open circuit or a full bulkhead
        // comes in tens of thousands during a surge: counted, and logged only at debug (its circuit's transitions
        // are logged by ResilienceConfiguration), so the log does not eat the CPU the gateway is short of
        boolean shedding = cause instanceof CallNotPermittedException || cause instanceof BulkheadFullException;
        log.atLevel(shedding ? Level.DEBUG : Level.WARN).log("{} answered 503 for {} {}: {}", service,
                exchange.getRequest().getMethod(), exchange.getRequest().getPath(), String.valueOf(cause));
        return problems.entity(HttpStatus.SERVICE_UNAVAILABLE, detail + " Try again later.");
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
