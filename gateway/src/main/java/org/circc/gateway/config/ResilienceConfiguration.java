package org.circc.gateway.config;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * One circuit breaker per guarded route, its time limiter set to the route's response timeout, and one bulkhead per
 * guarded route sized by {@code circc.gateway.max-concurrent-calls}.
 * A {@code resilience4j.circuitbreaker.configs.<route-id>} or {@code resilience4j.timelimiter.configs.<route-id>}
 * property set, when present, takes precedence.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ResilienceConfiguration.class);

    /**
     * Also logs each route circuit's state transitions: while a circuit is open its refusals are only counted
     * ({@code circc.gateway.requests.unavailable}), so the transition is the one line an operator reads.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(GatewayProperties properties) {
        return factory -> GatewayRoutes.GUARDED_ROUTES.forEach(routeId -> {
            factory.addCircuitBreakerCustomizer(Customizer.once(ResilienceConfiguration::logTransitions,
                    CircuitBreaker::getName), routeId);
            configureRoute(factory, properties, routeId);
        });
    }

    private static void logTransitions(CircuitBreaker circuitBreaker) {
        circuitBreaker.getEventPublisher().onStateTransition(event -> log.warn("circuit of route {}: {} (failure rate "
                + "{}%, slow call rate {}%)", event.getCircuitBreakerName(), event.getStateTransition(),
                circuitBreaker.getMetrics().getFailureRate(), circuitBreaker.getMetrics().getSlowCallRate()));
    }

    private static void configureRoute(ReactiveResilience4JCircuitBreakerFactory factory, GatewayProperties properties,
                                       String routeId) {
        factory.configure(builder -> builder
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        // our own bulkhead refusing a call says nothing about the service's health
                        .ignoreExceptions(BulkheadFullException.class)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(properties.responseTimeout(routeId))
                        .cancelRunningFuture(true)
                        .build()), routeId);
    }

    /**
     * Spring Cloud CircuitBreaker wraps every guarded call in a bulkhead whose library default (25 calls, no wait)
     * turned a few dozen honest clients into 503s. The limit is ours to choose, per route; beyond it the call fails at
     * once rather than queueing behind a slow service.
     */
    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> routeBulkheads(GatewayProperties properties) {
        return provider -> GatewayRoutes.GUARDED_ROUTES.forEach(routeId -> provider.configure(builder -> builder
                .bulkheadConfig(BulkheadConfig.custom()
                        .maxConcurrentCalls(properties.maxConcurrentCalls(routeId))
                        .maxWaitDuration(Duration.ZERO)
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
