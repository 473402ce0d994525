package org.circc.platform.web;

import org.circc.contracts.identity.IdentityAssertion;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service believes an identity only when the gateway signed it for this very request, recently. */
class CallerArgumentResolverTest {

    private static final String SECRET = "a-secret-shared-by-gateway-and-services";
    private static final Instant NOW = Instant.parse("2026-07-24T10:15:00Z");
    private static final IdentityAssertion ASSERTION = new IdentityAssertion(SECRET);
    private final CallerArgumentResolver resolver = new CallerArgumentResolver(ASSERTION, Clock.fixed(NOW, ZoneOffset.UTC));

    private static MockServerHttpRequest.BaseBuilder<?> identified(MockServerHttpRequest.BaseBuilder<?> request) {
        return request.header(IdentityAssertion.PRINCIPAL, "ops@venue-tokyo")
                .header(IdentityAssertion.ORGANISATION, "venue-tokyo")
                .header(IdentityAssertion.ROLES, "operator");
    }

    private static String signature(String method, String path, Instant at) {
        return ASSERTION.sign("ops@venue-tokyo", "venue-tokyo", "operator", method, path, at);
    }

    @Test
    void aSignedIdentityIsTheCaller() {
        Caller caller = resolver.resolve(identified(MockServerHttpRequest.post("/api/v1/incidents"))
                .header(IdentityAssertion.SIGNATURE, signature("POST", "/api/v1/incidents", NOW)).build());

        assertThat(caller).isEqualTo(new Caller("ops@venue-tokyo", "venue-tokyo", Set.of(Role.OPERATOR)));
    }

    @Test
    void anUnsignedIdentityIs401() {
        assertThatThrownBy(() -> resolver.resolve(identified(MockServerHttpRequest.post("/api/v1/incidents")).build()))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(problem.getMessage()).contains("through the gateway");
                });
    }

    @Test
    void aSignatureForAnotherRequestOrAStaleOneIs401() {
        assertThatThrownBy(() -> resolver.resolve(identified(MockServerHttpRequest.post("/api/v1/incidents/x/close"))
                .header(IdentityAssertion.SIGNATURE, signature("POST", "/api/v1/incidents", NOW)).build()))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> resolver.resolve(identified(MockServerHttpRequest.post("/api/v1/incidents"))
                .header(IdentityAssertion.SIGNATURE, signature("POST", "/api/v1/incidents", NOW.minusSeconds(120))).build()))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void withoutASecretTheHeadersAloneIdentify() {
        CallerArgumentResolver unsigned = new CallerArgumentResolver(null, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(unsigned.resolve(identified(MockServerHttpRequest.get("/api/v1/board")).build()).principal())
                .isEqualTo("ops@venue-tokyo");
    }

    @Test
    void noIdentityIs401() {
        assertThatThrownBy(() -> resolver.resolve(MockServerHttpRequest.get("/api/v1/board").build()))
                .isInstanceOfSatisfying(ProblemException.class,
                        problem -> assertThat(problem.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }
}
