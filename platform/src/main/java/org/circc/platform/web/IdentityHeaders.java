package org.circc.platform.web;

import org.circc.contracts.identity.IdentityAssertion;

/** The headers through which the gateway tells a service who the caller is. */
public final class IdentityHeaders {

    public static final String PRINCIPAL = IdentityAssertion.PRINCIPAL;
    public static final String ORGANISATION = IdentityAssertion.ORGANISATION;
    public static final String ROLES = IdentityAssertion.ROLES;

    private IdentityHeaders() {
    }
}
