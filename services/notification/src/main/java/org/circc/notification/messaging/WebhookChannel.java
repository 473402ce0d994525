package org.circc.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.circc.notification.command.DeliveryAttemptDueEvent;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.WebhookSecrets;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs a notice, signed, to a stakeholder's webhook. Each endpoint (scheme, host and port) has its own circuit
 * breaker and its own bulkhead, so a failing or slow endpoint is cut off or limited without delaying the others;
 * the call is non-blocking with a timeout. 2xx delivers; 408, 429, 5xx, timeouts, network errors, an open circuit
 * and a full bulkhead are retried; other 4xx and refused targets are not.
 */
public class WebhookChannel implements DeliveryChannel {

    private final WebClient webClient;
    private final WebhookSecrets secrets;
    private final TargetGuard targetGuard;
    private final CircuitBreakerRegistry circuitBreakers;
    private final BulkheadRegistry bulkheads;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final Duration timeout;

    public WebhookChannel(WebClient webClient, WebhookSecrets secrets, TargetGuard targetGuard,
                          CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads, ObjectMapper objectMapper,
                          Clock clock, Duration timeout) {
        this.webClient = webClient;
        this.secrets = secrets;
        this.targetGuard = targetGuard;
        this.circuitBreakers = circuitBreakers;
        this.bulkheads = bulkheads;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public String type() {
        return Stakeholder.Channel.WEBHOOK;
    }

    @Override
    public Mono<AttemptResult> attempt(DeliveryAttemptDueEvent due) {
        // the secret is read from the database and the target's name resolved: both block
        return Mono.fromCallable(() -> prepare(due))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(prepared -> prepared.refusal != null ? Mono.just(prepared.refusal) : post(due, prepared))
                .onErrorResume(e -> Mono.just(AttemptResult.retryable(null, e.toString())));
    }

    private record Prepared(String secret, AttemptResult refusal) {
    }

    private Prepared prepare(DeliveryAttemptDueEvent due) {
        if (due.address() == null) {
            return new Prepared(null, AttemptResult.permanent(null, "the webhook has no URL"));
        }
        Optional<String> refusal = targetGuard.refusal(due.address());
        if (refusal.isPresent()) {
            return new Prepared(null, AttemptResult.permanent(null, "target refused: " + refusal.get()));
        }
        return secrets.secretFor(due.stakeholderId(), due.address())
                .map(secret -> new Prepared(secret, null))
                .orElseGet(() -> new Prepared(null, AttemptResult.permanent(null,
                        "stakeholder " + due.stakeholderId() + " no longer has this webhook")));
    }

    private Mono<AttemptResult> post(DeliveryAttemptDueEvent due, Prepared prepared) {
        String endpoint = endpointOf(due.address());
        Bulkhead bulkhead = bulkheads.bulkhead(endpoint);
        if (!bulkhead.tryAcquirePermission()) {
            return Mono.just(AttemptResult.retryable(null, "too many deliveries in flight to " + endpoint));
        }
        CircuitBreaker breaker = circuitBreakers.circuitBreaker(endpoint);
        if (!breaker.tryAcquirePermission()) {
            bulkhead.onComplete();
            return Mono.just(AttemptResult.retryable(null, "circuit open for " + endpoint));
        }
        byte[] body = body(due);
        long startedAt = System.nanoTime();
        return webClient.post().uri(due.address())
                .contentType(MediaType.APPLICATION_JSON)
                .header(WebhookSignature.HEADER,
                        WebhookSignature.header(prepared.secret(), clock.instant().getEpochSecond(), body))
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(resultOf(response.statusCode())))
                .timeout(timeout)
                .onErrorResume(e -> Mono.just(AttemptResult.retryable(null, e instanceof TimeoutException
                        ? "no answer within " + timeout.toMillis() + " ms" : e.toString())))
                .doOnNext(result -> {
                    long elapsed = System.nanoTime() - startedAt;
                    if (result.status() != null && result.status() < 500 && result.status() != 408
                            && result.status() != 429) {
                        breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                    } else {
                        breaker.onError(elapsed, TimeUnit.NANOSECONDS, new WebhookFailure(result.error()));
                    }
                })
                .doFinally(signal -> bulkhead.onComplete());
    }

    private static AttemptResult resultOf(HttpStatusCode status) {
        int code = status.value();
        if (status.is2xxSuccessful()) {
            return AttemptResult.delivered(code);
        }
        if (code == 408 || code == 429 || status.is5xxServerError()) {
            return AttemptResult.retryable(code, "HTTP " + code);
        }
        return AttemptResult.permanent(code, "HTTP " + code);
    }

    private byte[] body(DeliveryAttemptDueEvent due) {
        try {
            return objectMapper.writeValueAsBytes(NoticeBody.of(due.deliveryId(), due.notice()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the notice of " + due.deliveryId(), e);
        }
    }

    static String endpointOf(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /** A failed call as the circuit breaker counts it. */
    static final class WebhookFailure extends RuntimeException {

        WebhookFailure(String message) {
            super(message, null, false, false);
        }
    }
}
