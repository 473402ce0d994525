package org.circc.gateway.security;

import org.circc.contracts.identity.IdentityAssertion;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity the gateway passes on is signed, so services can tell it came through the gateway. */
class IdentitySigningTest {

    private static final String SECRET = "a-secret-shared-by-gateway-and-services";
    private static final Instant NOW = Instant.parse("2026-07-24T10:15:00Z");

    private HttpHeaders forwardedHeaders(IdentityHeaders filter, MockServerHttpRequest request) {
        AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();
        GatewayPrincipal principal = new GatewayPrincipal("ops@venue-tokyo", "venue-tokyo", Set.of(Role.OPERATOR));
        filter.filter(MockServerWebExchange.from(request), exchange -> {
                    forwarded.set(exchange);
                    return Mono.empty();
                })
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new GatewayAuthentication(principal)))
                .block();
        return forwarded.get().getRequest().getHeaders();
    }

    @Test
    void theForwardedIdentityCarriesASignatureTheServicesVerify() {
        IdentityHeaders filter = new IdentityHeaders(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

        HttpHeaders headers = forwardedHeaders(filter, MockServerHttpRequest.post("/api/v1/incidents")
                .header(IdentityAssertion.SIGNATURE, "t=1,v1=forged").build());

        assertThat(new IdentityAssertion(SECRET).verify(headers.getFirst(IdentityAssertion.SIGNATURE),
                "ops@venue-tokyo", "venue-tokyo", "operator", "POST", "/api/v1/incidents", NOW)).isTrue();
    }

    @Test
    void withoutASecretNothingIsSignedAndACallersSignatureIsDropped() {
        IdentityHeaders filter = new IdentityHeaders("", Clock.fixed(NOW, ZoneOffset.UTC));

        HttpHeaders headers = forwardedHeaders(filter, MockServerHttpRequest.post("/api/v1/incidents")
                .header(IdentityAssertion.SIGNATURE, "t=1,v1=forged").build());

        assertThat(headers.containsKey(IdentityAssertion.SIGNATURE)).isFalse();
        assertThat(headers.getFirst(IdentityAssertion.PRINCIPAL)).isEqualTo("ops@venue-tokyo");
    }
}
