package org.circc.gateway.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated caller. It keeps no credentials. */
public class GatewayAuthentication extends AbstractAuthenticationToken {

    private final GatewayPrincipal principal;

    public GatewayAuthentication(GatewayPrincipal principal) {
        super(principal.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public GatewayPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}
