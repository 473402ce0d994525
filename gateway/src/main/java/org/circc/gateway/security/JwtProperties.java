package org.circc.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code circc.gateway.jwt.*}: OAuth2/JWT bearer tokens, the production way of authenticating.
 *
 * @param enabled    whether {@code Authorization: Bearer} is accepted (default false)
 * @param issuerUri  the issuer: its OpenID discovery document gives the keys unless {@code jwkSetUri} is set, and
 *                   every token's {@code iss} must equal it
 * @param jwkSetUri  where the signing keys are, when not discovered from the issuer
 * @param claims     which claims name the principal, its organisation and its roles
 */
@ConfigurationProperties("circc.gateway.jwt")
public record JwtProperties(boolean enabled, String issuerUri, String jwkSetUri, @DefaultValue Claims claims) {

    /**
     * @param principal    the principal's name (default {@code sub})
     * @param organisation its organisation (default {@code org})
     * @param roles        its roles: a list, or one string separated by spaces or commas (default {@code roles})
     */
    public record Claims(@DefaultValue("sub") String principal, @DefaultValue("org") String organisation,
                         @DefaultValue("roles") String roles) {
    }

    public JwtProperties {
        if (enabled && isBlank(issuerUri) && isBlank(jwkSetUri)) {
            throw new IllegalArgumentException(
                    "circc.gateway.jwt.enabled needs circc.gateway.jwt.issuer-uri or circc.gateway.jwt.jwk-set-uri");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    boolean hasJwkSetUri() {
        return !isBlank(jwkSetUri);
    }

    boolean hasIssuer() {
        return !isBlank(issuerUri);
    }
}
