package org.circc.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What a service learns about the caller: {@code X-CIRCC-Principal}, {@code X-CIRCC-Organisation} and
 * {@code X-CIRCC-Roles} (comma-separated), set from the authenticated principal on every proxied request.
 * Whatever the caller sent under those names is dropped, and so are the caller's own credentials: services
 * trust the gateway's headers, not the caller's.
 */
@Component
public class IdentityHeaders implements GlobalFilter, Ordered {

    public static final String PRINCIPAL = "X-CIRCC-Principal";
    public static final String ORGANISATION = "X-CIRCC-Organisation";
    public static final String ROLES = "X-CIRCC-Roles";

    static final List<String> REMOVED = List.of(PRINCIPAL, ORGANISATION, ROLES,
            ApiKeyAuthenticationConverter.HEADER, HttpHeaders.AUTHORIZATION);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getPrincipal)
                .ofType(GatewayPrincipal.class)
                .map(principal -> withHeaders(exchange, headers -> apply(headers, principal)))
                .switchIfEmpty(Mono.fromSupplier(() -> withHeaders(exchange, IdentityHeaders::strip)))
                .flatMap(chain::filter);
    }

    /** Replaces identity and credential headers by the principal's identity. */
    public static void apply(HttpHeaders headers, GatewayPrincipal principal) {
        strip(headers);
        headers.set(PRINCIPAL, principal.name());
        headers.set(ORGANISATION, principal.organisation());
        headers.set(ROLES, principal.roles().stream().map(Role::id).collect(Collectors.joining(",")));
    }

    /** Removes identity and credential headers. */
    public static void strip(HttpHeaders headers) {
        REMOVED.forEach(headers::remove);
    }

    private static ServerWebExchange withHeaders(ServerWebExchange exchange, Consumer<HttpHeaders> change) {
        return exchange.mutate().request(request -> request.headers(change)).build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
