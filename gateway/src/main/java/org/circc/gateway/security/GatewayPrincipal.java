package org.circc.gateway.security;

import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, however they authenticated (API key now, JWT bearer later): what the gateway passes on to
 * the services.
 */
public record GatewayPrincipal(String name, String organisation, Set<Role> roles) implements Principal {

    public GatewayPrincipal {
        requireText(name, "principal");
        requireText(organisation, "organisation");
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("principal " + name + " has no roles");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public static GatewayPrincipal of(String name, String organisation, Collection<Role> roles) {
        return new GatewayPrincipal(name, organisation, roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles));
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean hasAnyOf(Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    private static void requireText(String value, String what) {
        if (Objects.requireNonNullElse(value, "").isBlank()) {
            throw new IllegalArgumentException("a principal needs a non-blank " + what);
        }
    }
}
