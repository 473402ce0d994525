package org.circc.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.circc.gateway.config.LimitsProperties;
import org.circc.gateway.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A request budget per authenticated principal ({@link RequestBudgets}; by default in this gateway's memory, so
 * with several replicas each enforces its own budget). Over budget is 429 problem+json with
 * {@code Retry-After}; the request never reaches a service. Runs after authentication, so the key is who the
 * caller is, not where it connects from.
 */
class PrincipalRateLimiter implements WebFilter {

    private final RequestBudgets budgets;
    private final LimitsProperties limits;
    private final Problems problems;
    private final MeterRegistry meterRegistry;
    private final long retryAfterSeconds;

    PrincipalRateLimiter(RequestBudgets budgets, LimitsProperties limits, Problems problems, MeterRegistry meterRegistry) {
        this.budgets = budgets;
        this.limits = limits;
        this.problems = problems;
        this.meterRegistry = meterRegistry;
        this.retryAfterSeconds = Math.max(1, (limits.period().toMillis() + 999) / 1000);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(GatewayAuthentication.class::isInstance)
                .map(authentication -> ((GatewayAuthentication) authentication).getPrincipal().name())
                .map(budgets::tryAcquire)
                .defaultIfEmpty(true)
                .flatMap(permitted -> permitted ? chain.filter(exchange) : tooManyRequests(exchange));
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange) {
        meterRegistry.counter("circc.gateway.requests.refused", "reason", "rate-limit").increment();
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this principal: at most " + describe() + ". Retry after the indicated delay.",
                retryAfterSeconds);
    }

    private String describe() {
        return limits.requestsPerPeriod() + " per " + limits.period().toMillis() + " ms unless configured otherwise";
    }
}
