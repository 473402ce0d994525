package org.circc.gateway.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Looks a presented key up among the configured ones. Keys are held and compared as SHA-256 digests, so the
 * lookup's timing says nothing about a key's characters. The configuration is checked at start-up.
 */
class ApiKeyAuthenticationManager implements ReactiveAuthenticationManager {

    private final Map<String, GatewayPrincipal> principalsByKeyDigest = new HashMap<>();

    ApiKeyAuthenticationManager(ApiKeyProperties properties) {
        for (int i = 0; i < properties.principals().size(); i++) {
            ApiKeyProperties.ApiKeyPrincipal entry = properties.principals().get(i);
            String where = "circc.gateway.api-keys.principals[" + i + "]";
            if (entry.key() == null || entry.key().isBlank()) {
                throw new IllegalStateException(where + ".key is blank");
            }
            GatewayPrincipal principal;
            try {
                principal = GatewayPrincipal.of(entry.principal(), entry.organisation(), entry.roles());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + ": " + e.getMessage(), e);
            }
            if (principalsByKeyDigest.putIfAbsent(digest(entry.key().strip()), principal) != null) {
                throw new IllegalStateException(where + ".key is used twice");
            }
        }
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof ApiKeyCredentials credentials)) {
            return Mono.empty();
        }
        GatewayPrincipal principal = principalsByKeyDigest.get(digest((String) credentials.getCredentials()));
        return principal == null
                ? Mono.error(new BadCredentialsException("unknown API key"))
                : Mono.just(new GatewayAuthentication(principal));
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
