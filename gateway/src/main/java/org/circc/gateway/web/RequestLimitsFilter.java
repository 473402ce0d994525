package org.circc.gateway.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.circc.gateway.config.LimitsProperties;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Body size (413) and content type (415) once the caller is authorised, without buffering: a declared
 * {@code Content-Length} over the limit is refused at once; a chunked body is counted as it streams to the
 * service and cut with a 413 when it passes the limit. Malformed JSON is the owning service's to answer (400).
 */
@Component
public class RequestLimitsFilter implements WebFilter, Ordered {

    /** Right after Spring Security's filter chain (-100): who may not call at all hears 401 or 403 first. */
    static final int ORDER = -99;
    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final LimitsProperties limits;
    private final Problems problems;
    private final MeterRegistry meterRegistry;

    public RequestLimitsFilter(LimitsProperties limits, Problems problems, MeterRegistry meterRegistry) {
        this.limits = limits;
        this.problems = problems;
        this.meterRegistry = meterRegistry;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!WITH_BODY.contains(request.getMethod())) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = request.getHeaders();
        long maxBytes = limits.maxBodySize().toBytes();
        long declared = headers.getContentLength();
        boolean chunked = headers.containsKey(HttpHeaders.TRANSFER_ENCODING);
        if (declared > maxBytes) {
            return reject(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", tooLarge(maxBytes));
        }
        boolean hasBody = declared > 0 || chunked;
        if (hasBody && !isJson(headers.getContentType())) {
            return reject(exchange, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Request bodies must be JSON (Content-Type: application/json), not " + headers.getContentType() + ".");
        }
        if (!chunked) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, maxBytes)).build());
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || type.getSubtype().endsWith("+json"));
    }

    private static String tooLarge(long maxBytes) {
        return "The request body is larger than the limit of " + (maxBytes / 1024) + " KiB.";
    }

    private Mono<Void> reject(ServerWebExchange exchange, HttpStatus status, String reason, String detail) {
        meterRegistry.counter("circc.gateway.requests.refused", "reason", reason).increment();
        return problems.write(exchange, status, detail);
    }

    /** Passes the body through while counting it; past the limit the stream fails with a 413. */
    private final class CountingRequest extends ServerHttpRequestDecorator {

        private final long maxBytes;

        CountingRequest(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                    meterRegistry.counter("circc.gateway.requests.refused", "reason", "payload-too-large").increment();
                    sink.error(new PayloadTooLargeException(new IllegalStateException(tooLarge(maxBytes))));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
