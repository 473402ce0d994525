package org.circc.gateway.security;

import java.util.Locale;

/** The roles of api.md; in configuration and in {@code X-CIRCC-Roles} they are written in lower case. */
public enum Role {
    OPERATOR, RESPONDER, COORDINATOR, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
