package org.circc.platform.web;

import org.circc.contracts.identity.IdentityAssertion;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lets controllers take a {@link Caller} parameter. A request without an identity is 401; with
 * {@code circc.identity.signing-secret} set (the local platform always sets it), so is one whose identity the
 * gateway did not sign for this method and path in the last minute: it did not come through the gateway.
 */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    private static final String NOT_THROUGH_GATEWAY =
            "requests reach this service only through the gateway, which identifies the caller";

    private final IdentityAssertion assertion;
    private final Clock clock;

    /** @param assertion null when identities are not signed (tests of one service, never a deployment) */
    public CallerArgumentResolver(IdentityAssertion assertion, Clock clock) {
        this.assertion = assertion;
        this.clock = clock;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        return Mono.fromCallable(() -> resolve(exchange.getRequest()));
    }

    Caller resolve(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        String principal = headers.getFirst(IdentityAssertion.PRINCIPAL);
        String organisation = headers.getFirst(IdentityAssertion.ORGANISATION);
        String roles = headers.getFirst(IdentityAssertion.ROLES);
        if (isBlank(principal) || isBlank(organisation) || roles == null) {
            throw ProblemException.unauthenticated(NOT_THROUGH_GATEWAY);
        }
        if (assertion != null && !assertion.verify(headers.getFirst(IdentityAssertion.SIGNATURE), principal,
                organisation, roles, request.getMethod().name(), request.getPath().value(), clock.instant())) {
            throw ProblemException.unauthenticated(NOT_THROUGH_GATEWAY + "; this request's identity is not signed by it");
        }
        try {
            Set<Role> parsed = Arrays.stream(roles.split(","))
                    .filter(role -> !role.isBlank())
                    .map(Role::fromName)
                    .collect(Collectors.toUnmodifiableSet());
            return new Caller(principal, organisation, parsed);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unauthenticated("unknown role in " + roles);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
