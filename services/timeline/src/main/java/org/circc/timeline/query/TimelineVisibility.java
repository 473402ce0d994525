package org.circc.timeline.query;

import org.circc.contracts.sharing.IncidentFacts;
import org.circc.contracts.sharing.IncidentVisibility;
import org.circc.platform.web.Caller;

/**
 * Who may read an incident's timeline: the platform's one sharing rule ({@link IncidentVisibility}, the TLP table
 * of the product brief), once the report itself has arrived. Need-to-know through escalation targets and
 * subscriptions, and RED for targeted persons, need the timeline to track them (issue 8); until then those
 * readers get 404, which withholds rather than leaks.
 */
public final class TimelineVisibility {

    private TimelineVisibility() {
    }

    public static boolean maySee(Caller caller, IncidentTimeline timeline) {
        return timeline.reported()
                && IncidentVisibility.maySeeDetails(caller.viewer(), IncidentFacts.of(timeline.reporterOrg(), timeline.tlp()));
    }
}
