package org.circc.gateway.security;

import org.circc.contracts.identity.IdentityAssertion;
import org.circc.gateway.web.PrincipalKindTagsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What a service learns about the caller: {@code X-CIRCC-Principal}, {@code X-CIRCC-Organisation} and
 * {@code X-CIRCC-Roles} (comma-separated), set from the authenticated principal on every proxied request, and
 * signed ({@link IdentityAssertion}) with {@code circc.identity.signing-secret}, which the services share, so
 * they can refuse a request that did not come through the gateway. Whatever the caller sent under those names is
 * dropped, and so are the caller's own credentials.
 */
@Component
public class IdentityHeaders implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(IdentityHeaders.class);

    public static final String PRINCIPAL = IdentityAssertion.PRINCIPAL;
    public static final String ORGANISATION = IdentityAssertion.ORGANISATION;
    public static final String ROLES = IdentityAssertion.ROLES;

    static final List<String> REMOVED = List.of(PRINCIPAL, ORGANISATION, ROLES, IdentityAssertion.SIGNATURE,
            ApiKeyAuthenticationConverter.HEADER, HttpHeaders.AUTHORIZATION);

    private final IdentityAssertion assertion;
    private final Clock clock;

    @Autowired
    public IdentityHeaders(@Value("${circc.identity.signing-secret:}") String signingSecret) {
        this(signingSecret, Clock.systemUTC());
    }

    IdentityHeaders(String signingSecret, Clock clock) {
        this.clock = clock;
        if (signingSecret.isBlank()) {
            log.warn("circc.identity.signing-secret is not set: identity headers go to the services unsigned, "
                    + "and services that verify them will refuse every request");
            this.assertion = null;
        } else {
            this.assertion = new IdentityAssertion(signingSecret);
        }
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getPrincipal)
                .ofType(GatewayPrincipal.class)
                .doOnNext(principal -> exchange.getAttributes().put(PrincipalKindTagsProvider.ATTRIBUTE, kindOf(principal)))
                .map(principal -> withHeaders(exchange, headers -> {
                    apply(headers, principal);
                    sign(headers, exchange);
                }))
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

    private void sign(HttpHeaders headers, ServerWebExchange exchange) {
        if (assertion != null) {
            headers.set(IdentityAssertion.SIGNATURE, assertion.sign(headers.getFirst(PRINCIPAL),
                    headers.getFirst(ORGANISATION), headers.getFirst(ROLES), exchange.getRequest().getMethod().name(),
                    exchange.getRequest().getPath().value(), clock.instant()));
        }
    }

    private static String kindOf(GatewayPrincipal principal) {
        return principal.roles().stream().map(Role::id).sorted().collect(Collectors.joining("+"));
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
