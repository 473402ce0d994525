package org.circc.gateway.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

import java.util.List;

/** An {@code X-API-Key} as presented, before it is checked. */
class ApiKeyCredentials extends AbstractAuthenticationToken {

    private final String key;

    ApiKeyCredentials(String key) {
        super(List.of());
        this.key = key;
    }

    @Override
    public Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }

    @Override
    public String toString() {
        return "ApiKeyCredentials[****]";
    }
}
