package org.circc.platform.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Lets controllers take a {@link Caller} parameter; a request without an identity is 401. */
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
                                        ServerWebExchange exchange) {
        return Mono.fromCallable(() -> resolve(exchange.getRequest().getHeaders()));
    }

    static Caller resolve(HttpHeaders headers) {
        String principal = headers.getFirst(IdentityHeaders.PRINCIPAL);
        String organisation = headers.getFirst(IdentityHeaders.ORGANISATION);
        String roles = headers.getFirst(IdentityHeaders.ROLES);
        if (isBlank(principal) || isBlank(organisation) || roles == null) {
            throw ProblemException.unauthenticated("requests reach this service only through the gateway, which identifies the caller");
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
