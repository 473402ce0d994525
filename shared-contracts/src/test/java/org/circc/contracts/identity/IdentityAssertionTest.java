package org.circc.contracts.identity;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityAssertionTest {

    private static final String SECRET = "a-secret-shared-by-gateway-and-services";
    private static final Instant NOW = Instant.parse("2026-07-24T10:15:00Z");
    private final IdentityAssertion assertion = new IdentityAssertion(SECRET);

    private String signature() {
        return assertion.sign("ops@venue-tokyo", "venue-tokyo", "operator", "POST", "/api/v1/incidents", NOW);
    }

    @Test
    void aSignatureVerifiesForExactlyTheSameIdentityAndRequest() {
        assertThat(signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(assertion.verify(signature(), "ops@venue-tokyo", "venue-tokyo", "operator", "POST",
                "/api/v1/incidents", NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void anyChangeToTheIdentityOrRequestBreaksIt() {
        assertThat(assertion.verify(signature(), "admin", "venue-tokyo", "operator", "POST", "/api/v1/incidents", NOW)).isFalse();
        assertThat(assertion.verify(signature(), "ops@venue-tokyo", "circc", "operator", "POST", "/api/v1/incidents", NOW)).isFalse();
        assertThat(assertion.verify(signature(), "ops@venue-tokyo", "venue-tokyo", "operator,admin", "POST", "/api/v1/incidents", NOW)).isFalse();
        assertThat(assertion.verify(signature(), "ops@venue-tokyo", "venue-tokyo", "operator", "GET", "/api/v1/incidents", NOW)).isFalse();
        assertThat(assertion.verify(signature(), "ops@venue-tokyo", "venue-tokyo", "operator", "POST", "/api/v1/board", NOW)).isFalse();
    }

    @Test
    void anotherSecretAStaleSignatureOrGarbageDoNotVerify() {
        IdentityAssertion other = new IdentityAssertion("another-secret-that-is-long-enough-too");
        assertThat(other.verify(signature(), "ops@venue-tokyo", "venue-tokyo", "operator", "POST", "/api/v1/incidents", NOW)).isFalse();
        assertThat(assertion.verify(signature(), "ops@venue-tokyo", "venue-tokyo", "operator", "POST", "/api/v1/incidents",
                NOW.plus(IdentityAssertion.TOLERANCE).plusSeconds(1))).isFalse();
        assertThat(assertion.verify("t=abc,v1=00", "ops@venue-tokyo", "venue-tokyo", "operator", "POST", "/api/v1/incidents", NOW)).isFalse();
        assertThat(assertion.verify(null, "ops@venue-tokyo", "venue-tokyo", "operator", "POST", "/api/v1/incidents", NOW)).isFalse();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new IdentityAssertion("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
