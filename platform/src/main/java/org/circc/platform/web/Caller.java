package org.circc.platform.web;

import org.circc.contracts.sharing.Viewer;

import java.util.Arrays;
import java.util.Set;

/** The authenticated principal a request acts for, as the gateway identified it. */
public record Caller(String principal, String organisation, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyRole(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(role -> roles.contains(role)
                || (role == Role.COORDINATOR && roles.contains(Role.ADMIN)));
    }

    /** The caller as the platform's sharing rule ({@code IncidentVisibility}) sees it. */
    public Viewer viewer() {
        return new Viewer(principal, organisation, hasAnyRole(Role.COORDINATOR));
    }

    /** @throws ProblemException 403 when the caller has none of the roles */
    public void requireAnyRole(Role... wanted) {
        if (!hasAnyRole(wanted)) {
            throw ProblemException.forbidden("this action needs one of the roles " + Arrays.toString(wanted)
                    + "; " + principal + " has " + roles);
        }
    }
}
