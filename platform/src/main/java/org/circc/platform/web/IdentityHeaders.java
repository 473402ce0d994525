package org.circc.platform.web;

/** The headers through which the gateway tells a service who the caller is. */
public final class IdentityHeaders {

    public static final String PRINCIPAL = "X-CIRCC-Principal";
    public static final String ORGANISATION = "X-CIRCC-Organisation";
    public static final String ROLES = "X-CIRCC-Roles";

    private IdentityHeaders() {
    }
}
