package org.circc.platform.web;

import java.util.Locale;

/** The roles of api.md; {@code admin} may do everything a coordinator may. */
public enum Role {
    OPERATOR, RESPONDER, COORDINATOR, ADMIN;

    public static Role fromName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
