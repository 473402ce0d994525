package org.circc.contracts.sharing;

import java.util.Objects;

/**
 * Who wants to see (or act on) an incident: an API principal, its organisation, and whether it is one of the
 * center's coordinators or admins (role {@code coordinator} or {@code admin} in organisation {@code circc}).
 */
public record Viewer(String principal, String organisation, boolean coordinatorOrAdmin) {

    /** The coordination center's organisation: the recipient of every report. */
    public static final String CENTER_ORGANISATION = "circc";

    public Viewer {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(organisation, "organisation");
    }

    /** A member of the center's organisation (any role). */
    public boolean isOfCenter() {
        return CENTER_ORGANISATION.equals(organisation);
    }

    /** A coordinator or admin of the center: sees everything. */
    public boolean isCenterCoordinator() {
        return coordinatorOrAdmin && isOfCenter();
    }
}
