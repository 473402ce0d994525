package org.circc.gateway.security;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import org.circc.gateway.config.LimitsProperties;

import java.time.Duration;

/** Budgets as Resilience4j rate limiters, one per principal, in this gateway's memory. */
class InMemoryRequestBudgets implements RequestBudgets {

    private final RateLimiterRegistry limiters = RateLimiterRegistry.ofDefaults();
    private final LimitsProperties limits;

    InMemoryRequestBudgets(LimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public boolean tryAcquire(String principal) {
        return limiters.rateLimiter(principal, () -> RateLimiterConfig.custom()
                        .limitForPeriod(limits.requestsPerPeriodFor(principal))
                        .limitRefreshPeriod(limits.period())
                        .timeoutDuration(Duration.ZERO)
                        .build())
                .acquirePermission();
    }
}
