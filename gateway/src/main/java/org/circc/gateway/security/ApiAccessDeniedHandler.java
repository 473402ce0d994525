package org.circc.gateway.security;

import org.circc.gateway.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.stream.Collectors;

/** 403 problem+json: the caller's role may never use this route. */
class ApiAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final Problems problems;

    ApiAccessDeniedHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        ServerHttpRequest request = exchange.getRequest();
        return exchange.getPrincipal()
                .map(principal -> principal instanceof GatewayAuthentication auth
                        ? auth.getPrincipal().roles().stream().map(Role::id).collect(Collectors.joining(", "))
                        : "unknown")
                .defaultIfEmpty("unknown")
                .flatMap(roles -> problems.write(exchange, HttpStatus.FORBIDDEN,
                        "Role " + roles + " may not use " + request.getMethod() + " " + request.getPath().value() + "."));
    }
}
