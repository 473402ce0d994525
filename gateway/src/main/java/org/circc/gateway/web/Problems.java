package org.circc.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.circc.gateway.config.GatewayProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every answer the gateway makes itself (rather than a service's answer it passes on) is an RFC 9457
 * {@code application/problem+json} body made here: {@code type}, {@code title}, {@code status}, {@code detail}.
 * 503 and 429 carry {@code Retry-After}.
 */
@Component
public class Problems {

    /** The platform's problem types: {@code urn:circc:problem:} and the status slug, as the services answer them. */
    static final String TYPE_PREFIX = "urn:circc:problem:";

    private final ObjectMapper objectMapper;
    private final long retryAfterSeconds;

    public Problems(ObjectMapper objectMapper, GatewayProperties properties) {
        this.objectMapper = objectMapper;
        this.retryAfterSeconds = properties.retryAfterSeconds();
    }

    public static Map<String, Object> body(HttpStatusCode status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + typeSlug(status));
        body.put("title", title(status));
        body.put("status", status.value());
        body.put("detail", detail);
        return body;
    }

    private static String typeSlug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error" : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** For controllers. */
    public ResponseEntity<Map<String, Object>> entity(HttpStatusCode status, String detail) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (needsRetryAfter(status)) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        return builder.body(body(status, detail));
    }

    /** For filters, entry points and exception handlers: writes the problem as the whole response. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
        return write(exchange, status, detail, retryAfterSeconds);
    }

    /** As {@link #write(ServerWebExchange, HttpStatusCode, String)}, with the caller's own {@code Retry-After}. */
    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail, long retryAfterSeconds) {
        ServerHttpResponse response = exchange.getResponse();
        byte[] bytes;
        try {
            bytes = objectMapper.writeValueAsBytes(body(status, detail));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        if (needsRetryAfter(status)) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    private static boolean needsRetryAfter(HttpStatusCode status) {
        return status.value() == HttpStatus.SERVICE_UNAVAILABLE.value() || status.value() == HttpStatus.TOO_MANY_REQUESTS.value();
    }

    private static String title(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }
}
