package org.circc.gateway.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per guarded route, its time limiter set to the route's response timeout.
 * A {@code resilience4j.circuitbreaker.configs.<route-id>} or {@code resilience4j.timelimiter.configs.<route-id>}
 * property set, when present, takes precedence.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeTimeLimits(GatewayProperties properties) {
        return factory -> GatewayRoutes.GUARDED_ROUTES.forEach(routeId -> factory.configure(builder -> builder
                .circuitBreakerConfig(CircuitBreakerConfig.ofDefaults())
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(properties.responseTimeout(routeId))
                        .cancelRunningFuture(true)
                        .build()), routeId));
    }

    /**
     * Reactor Netty retries a request once when the connection drops at the wrong moment. A POST must reach a
     * service at most once through the gateway: callers retry with their {@code Idempotency-Key}, not us.
     */
    @Bean
    HttpClientCustomizer noRetries() {
        return httpClient -> httpClient.disableRetry(true);
    }
}
