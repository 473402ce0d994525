package org.circc.timeline.query;

import org.circc.contracts.Tlp;
import org.circc.platform.web.Caller;
import org.circc.platform.web.Role;

/**
 * Who may read an incident, from the TLP table of the product brief, for principals: coordinators and admins of
 * the center see everything; the reporting organisation sees its own; CLEAR and GREEN are for every registered
 * principal; AMBER and AMBER+STRICT for the center too. Need-to-know through escalation targets and
 * subscriptions, and RED for targeted persons, come with the timeline work (issue 8); until then those readers
 * get 404, which withholds rather than leaks.
 */
public final class TimelineVisibility {

    private TimelineVisibility() {
    }

    public static boolean maySee(Caller caller, IncidentTimeline timeline) {
        if (!timeline.reported()) {
            return false;
        }
        boolean center = Caller.CENTER_ORGANISATION.equals(caller.organisation());
        if (center && caller.hasAnyRole(Role.COORDINATOR)) {
            return true;
        }
        if (caller.organisation().equals(timeline.reporterOrg())) {
            return true;
        }
        Tlp tlp = timeline.tlp();
        return tlp == Tlp.CLEAR || tlp == Tlp.GREEN
                || (center && (tlp == Tlp.AMBER || tlp == Tlp.AMBER_STRICT));
    }
}
