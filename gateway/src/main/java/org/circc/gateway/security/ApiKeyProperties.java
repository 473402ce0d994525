package org.circc.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code circc.gateway.api-keys.*}: API-key principals for the embedded default.
 *
 * @param enabled    whether {@code X-API-Key} is accepted at all (default false)
 * @param principals the keys and who they stand for
 */
@ConfigurationProperties("circc.gateway.api-keys")
public record ApiKeyProperties(boolean enabled, List<ApiKeyPrincipal> principals) {

    public ApiKeyProperties {
        principals = principals == null ? List.of() : List.copyOf(principals);
    }

    public record ApiKeyPrincipal(String key, String principal, String organisation, List<Role> roles) {
    }
}
