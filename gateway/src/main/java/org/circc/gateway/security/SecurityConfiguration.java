package org.circc.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.circc.gateway.config.LimitsProperties;
import org.circc.gateway.web.Problems;
import org.circc.gateway.web.ApiDocsController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import java.util.ArrayList;
import java.util.List;

/**
 * Stateless: every request authenticates itself. Each way of authenticating is an {@link AuthenticationWebFilter}
 * that turns its credentials into a {@link GatewayAuthentication}: {@code Authorization: Bearer} JWTs when
 * {@code circc.gateway.jwt.enabled}, {@code X-API-Key} when {@code circc.gateway.api-keys.enabled}. Then {@link RouteAccessRules}
 * decides per route and role. Only health, info and prometheus are open without authentication.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String[] PUBLIC_ACTUATOR = {"/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus"};

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ApiKeyProperties apiKeys, JwtProperties jwt,
                                       LimitsProperties limits, RequestBudgets budgets, Problems problems,
                                       MeterRegistry meterRegistry) {
        List<String> challenges = new ArrayList<>();
        List<String> ways = new ArrayList<>();
        if (jwt.enabled()) {
            challenges.add("Bearer realm=\"circc\"");
            ways.add("send an Authorization: Bearer token");
        }
        if (apiKeys.enabled()) {
            challenges.add("ApiKey realm=\"circc\", header=\"" + ApiKeyAuthenticationConverter.HEADER + "\"");
            ways.add("send an " + ApiKeyAuthenticationConverter.HEADER + " header");
        }
        if (challenges.isEmpty()) {
            log.warn("No way of authenticating is enabled (circc.gateway.jwt.enabled and circc.gateway.api-keys.enabled "
                    + "are false): every API request will be answered 401");
            challenges.add("Bearer realm=\"circc\"");
            ways.add("no way of authenticating is enabled on this gateway");
        }
        ApiAuthenticationEntryPoint entryPoint = new ApiAuthenticationEntryPoint(problems, challenges, String.join(" or ", ways));

        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ApiAccessDeniedHandler(problems)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, PUBLIC_ACTUATOR).permitAll()
                        .pathMatchers(HttpMethod.GET, ApiDocsController.PATHS).permitAll()
                        .anyExchange().access(new RouteAccessRules()));

        if (apiKeys.enabled()) {
            http.addFilterAt(apiKeyFilter(apiKeys, entryPoint), SecurityWebFiltersOrder.AUTHENTICATION);
        }
        if (jwt.enabled()) {
            http.addFilterAt(bearerFilter(jwt, entryPoint), SecurityWebFiltersOrder.AUTHENTICATION);
        }
        http.addFilterBefore(new PrincipalRateLimiter(budgets, limits, problems, meterRegistry), SecurityWebFiltersOrder.AUTHORIZATION);
        return http.build();
    }

    /** Verifies signature, expiry and (when configured) issuer, then maps the claims to a {@link GatewayPrincipal}. */
    private static AuthenticationWebFilter bearerFilter(JwtProperties jwt, ApiAuthenticationEntryPoint entryPoint) {
        JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(jwtDecoder(jwt));
        manager.setJwtAuthenticationConverter(new JwtPrincipalConverter(jwt.claims()));
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(new ServerBearerTokenAuthenticationConverter());
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }

    private static ReactiveJwtDecoder jwtDecoder(JwtProperties jwt) {
        if (!jwt.hasJwkSetUri()) {
            return ReactiveJwtDecoders.fromIssuerLocation(jwt.issuerUri());
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri()).build();
        decoder.setJwtValidator(jwt.hasIssuer()
                ? JwtValidators.createDefaultWithIssuer(jwt.issuerUri())
                : JwtValidators.createDefault());
        return decoder;
    }

    private static AuthenticationWebFilter apiKeyFilter(ApiKeyProperties apiKeys, ApiAuthenticationEntryPoint entryPoint) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(new ApiKeyAuthenticationManager(apiKeys));
        filter.setServerAuthenticationConverter(new ApiKeyAuthenticationConverter());
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }

    /** In memory unless the deployment declares budgets in a shared store. */
    @Bean
    @ConditionalOnMissingBean
    RequestBudgets requestBudgets(LimitsProperties limits) {
        return new InMemoryRequestBudgets(limits);
    }

    /** Requests the firewall refuses (encoded slashes, {@code ..} segments, odd methods) get problem+json too. */
    @Bean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(Problems problems) {
        return (exchange, rejected) -> problems.write(exchange, HttpStatus.BAD_REQUEST, "The request was rejected: " + rejected.getMessage());
    }
}
