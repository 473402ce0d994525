package org.circc.gateway.security;

import org.circc.gateway.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.List;

/** 401 problem+json with one {@code WWW-Authenticate} challenge per accepted way of authenticating. */
class ApiAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final Problems problems;
    private final List<String> challenges;
    private final String howTo;

    ApiAuthenticationEntryPoint(Problems problems, List<String> challenges, String howTo) {
        this.problems = problems;
        this.challenges = List.copyOf(challenges);
        this.howTo = howTo;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        exchange.getResponse().getHeaders().put(HttpHeaders.WWW_AUTHENTICATE, challenges);
        String detail;
        if (ex instanceof OAuth2AuthenticationException refused && refused.getError().getDescription() != null) {
            detail = "The bearer token was refused: " + refused.getError().getDescription();
        } else if (ex instanceof BadCredentialsException || ex instanceof OAuth2AuthenticationException) {
            detail = "The credentials sent are not recognised.";
        } else {
            detail = "Authentication is required: " + howTo + ".";
        }
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, detail);
    }
}
