package org.circc.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWT bearer tokens beside the API keys: signed by the issuer's key published at a JWK set URI (a real HTTP server
 * on 127.0.0.1 here), issuer checked, the principal, organisation and roles taken from the claims.
 */
class JwtAuthenticationTest extends GatewayTestSupport {

    private static final String ISSUER = "https://idp.circc.test";
    private static final RSAKey ISSUER_KEY = rsaKey("issuer-key");
    private static final RSAKey OTHER_KEY = rsaKey("someone-else");
    private static final HttpServer JWKS = jwkSetServer(new JWKSet(ISSUER_KEY.toPublicJWK()));

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) {
        registry.add("circc.gateway.jwt.enabled", () -> "true");
        registry.add("circc.gateway.jwt.issuer-uri", () -> ISSUER);
        registry.add("circc.gateway.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks.json");
    }

    @Test
    void aValidTokenReachesTheServiceAsItsPrincipalWithoutTheToken() {
        String token = sign(ISSUER_KEY, claims().build());

        Map<String, Object> echo = client.post().uri("/api/v1/incidents")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-CIRCC-Roles", "admin")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(echo).containsEntry("service", "intake")
                .containsEntry("principal", List.of("analyst@rail-east"))
                .containsEntry("organisation", List.of("rail-east"))
                .containsEntry("roles", List.of("operator"));
        assertThat(echo.get("authorization")).as("the token stays at the gateway").isNull();
    }

    @Test
    void rolesMayComeAsOneStringAndUnknownRoleNamesAreIgnored() {
        String token = sign(ISSUER_KEY, claims().claim("roles", "responder auditor,coordinator").build());

        Map<String, Object> echo = client.get().uri("/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001/timeline")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(echo).containsEntry("roles", List.of("responder,coordinator"));
    }

    @Test
    void theRoleRulesApplyToTokensToo() {
        String operator = sign(ISSUER_KEY, claims().build());

        assertProblem(client.post().uri("/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001/close")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + operator).exchange(), 403);
    }

    @Test
    void anExpiredTokenIs401WithABearerChallenge() {
        String token = sign(ISSUER_KEY, claims()
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))).build());

        Map<String, Object> problem = assertProblem(bearer(token), 401);

        assertThat(problem.get("detail")).asString().containsIgnoringCase("expired");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        assertProblem(bearer(sign(OTHER_KEY, claims().build())), 401);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        assertProblem(bearer(sign(ISSUER_KEY, claims().issuer("https://elsewhere.test").build())), 401);
    }

    @Test
    void aTokenWithoutOrganisationIs401NamingTheClaim() {
        Map<String, Object> problem = assertProblem(bearer(sign(ISSUER_KEY, claims().claim("org", null).build())), 401);

        assertThat(problem.get("detail")).asString().contains("'org'");
    }

    @Test
    void aTokenWithoutAKnownRoleIs401() {
        Map<String, Object> problem = assertProblem(
                bearer(sign(ISSUER_KEY, claims().claim("roles", List.of("auditor")).build())), 401);

        assertThat(problem.get("detail")).asString().contains("roles");
    }

    @Test
    void withoutCredentialsBothWaysAreOffered() {
        client.get().uri("/api/v1/board").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"circc\".*")
                .expectHeader().values(HttpHeaders.WWW_AUTHENTICATE, challenges ->
                        assertThat(challenges).anyMatch(challenge -> challenge.startsWith("ApiKey")));
    }

    @Test
    void apiKeysStillWorkBesideTokens() {
        Map<String, Object> echo = client.get().uri("/api/v1/board").header("X-API-Key", COORDINATOR_KEY).exchange()
                .expectStatus().isOk()
                .expectBody(JSON_OBJECT).returnResult().getResponseBody();

        assertThat(echo).containsEntry("service", "timeline").containsEntry("principal", List.of("coordinator-1"));
    }

    private WebTestClient.ResponseSpec bearer(String token) {
        return client.get().uri("/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001/timeline")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    private static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("analyst@rail-east")
                .claim("org", "rail-east")
                .claim("roles", List.of("operator"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer jwkSetServer(JWKSet keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = keys.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
