package org.circc.gateway.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a verified JWT into the same {@link GatewayAuthentication} an API key gives, from the configured claims.
 * A token without a principal, an organisation or at least one known role is refused (401): a caller the gateway
 * cannot describe to the services is not let in. Unknown role names are ignored.
 */
class JwtPrincipalConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final JwtProperties.Claims claims;

    JwtPrincipalConverter(JwtProperties.Claims claims) {
        this.claims = claims;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> {
            String principal = requiredText(jwt, claims.principal());
            String organisation = requiredText(jwt, claims.organisation());
            Set<Role> roles = roles(jwt.getClaim(claims.roles()));
            if (roles.isEmpty()) {
                throw refused("the token's claim '" + claims.roles() + "' names no role of "
                        + Arrays.stream(Role.values()).map(Role::id).toList());
            }
            return new GatewayAuthentication(new GatewayPrincipal(principal, organisation, roles));
        });
    }

    private static String requiredText(Jwt jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (!(value instanceof String text) || text.isBlank()) {
            throw refused("the token has no claim '" + claim + "'");
        }
        return text;
    }

    private static Set<Role> roles(Object claim) {
        Stream<String> names;
        if (claim instanceof Collection<?> collection) {
            names = collection.stream().map(String::valueOf);
        } else if (claim instanceof String text) {
            names = Arrays.stream(text.split("[\\s,]+"));
        } else {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.map(name -> name.trim().toUpperCase(Locale.ROOT))
                .flatMap(name -> Arrays.stream(Role.values()).filter(role -> role.name().equals(name)))
                .forEach(roles::add);
        return roles;
    }

    private static OAuth2AuthenticationException refused(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
