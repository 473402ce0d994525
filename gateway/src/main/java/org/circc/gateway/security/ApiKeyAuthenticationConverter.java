package org.circc.gateway.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Reads {@code X-API-Key}; without the header the request stays unauthenticated (and is then answered 401). */
class ApiKeyAuthenticationConverter implements ServerAuthenticationConverter {

    static final String HEADER = "X-API-Key";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String key = exchange.getRequest().getHeaders().getFirst(HEADER);
        return key == null ? Mono.empty() : Mono.just(new ApiKeyCredentials(key.strip()));
    }
}
