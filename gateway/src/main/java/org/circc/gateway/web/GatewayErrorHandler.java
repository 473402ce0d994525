package org.circc.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Turns whatever fails inside the gateway into problem+json, ahead of Boot's default JSON error handler.
 * A service that cannot be reached on a route without a circuit breaker (the event streams) is a 503 with
 * {@code Retry-After}, like the circuit breaker's fallback.
 */
@Component
@Order(-2)
public class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final Problems problems;

    public GatewayErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (isServiceUnreachable(ex)) {
            log.warn("{} {}: service unreachable: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex.toString());
            return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "The service behind this route cannot be reached. Try again later.");
        }
        if (ex instanceof PayloadTooLargeException tooLarge && tooLarge.getCause() != null) {
            return problems.write(exchange, tooLarge.getStatusCode(), tooLarge.getCause().getMessage());
        }
        if (ex instanceof ResponseStatusException rse) {
            return problems.write(exchange, rse.getStatusCode(), detail(exchange, rse));
        }
        log.error("{} {} failed in the gateway", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not handle the request.");
    }

    private static String detail(ServerWebExchange exchange, ResponseStatusException rse) {
        HttpStatusCode status = rse.getStatusCode();
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return "No route for " + exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value() + ".";
        }
        if (status.is4xxClientError() && rse.getReason() != null) {
            return rse.getReason();
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() + "." : "HTTP " + status.value() + ".";
    }

    private static boolean isServiceUnreachable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof PrematureCloseException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
