package org.circc.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityHeadersTest {

    @Test
    void replacesSpoofedIdentityWithThePrincipalsAndDropsCredentials() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("x-circc-principal", "admin");
        headers.add("X-CIRCC-Principal", "someone-else");
        headers.add("X-CIRCC-Organisation", "circc");
        headers.add("X-CIRCC-Roles", "admin");
        headers.add("X-API-Key", "coord-key");
        headers.add(HttpHeaders.AUTHORIZATION, "Bearer x");
        headers.add("Idempotency-Key", "abc");

        IdentityHeaders.apply(headers, new GatewayPrincipal("duty", "circc", Set.of(Role.COORDINATOR, Role.RESPONDER)));

        assertThat(headers.get(IdentityHeaders.PRINCIPAL)).isEqualTo(List.of("duty"));
        assertThat(headers.get(IdentityHeaders.ORGANISATION)).isEqualTo(List.of("circc"));
        assertThat(headers.get(IdentityHeaders.ROLES)).isEqualTo(List.of("responder,coordinator"));
        assertThat(headers).doesNotContainKeys("X-API-Key", HttpHeaders.AUTHORIZATION);
        assertThat(headers.getFirst("Idempotency-Key")).isEqualTo("abc");
    }
}
