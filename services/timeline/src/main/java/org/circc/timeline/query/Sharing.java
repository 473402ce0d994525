package org.circc.timeline.query;

import org.circc.contracts.Category;
import org.circc.contracts.events.StakeholderKind;
import org.circc.contracts.events.StakeholderSnapshot;
import org.circc.contracts.sharing.IncidentFacts;
import org.circc.contracts.sharing.IncidentVisibility;
import org.circc.contracts.sharing.Viewer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may read an incident: the platform's one sharing rule ({@link IncidentVisibility}, the product brief's TLP
 * table) fed with what the timeline knows. Need-to-know (AMBER) is every stakeholder its campaign's chain targeted
 * and every subscriber whose subscription matches it; RED adds the {@code person} stakeholders targeted at the
 * current level. A stakeholder stands for its linked principal, an organisation-kind one for its organisation.
 */
public final class Sharing {

    private Sharing() {
    }

    public static boolean maySee(Viewer viewer, IncidentView view, Map<String, StakeholderSnapshot> directory) {
        return IncidentVisibility.maySeeDetails(viewer, facts(view, directory));
    }

    static IncidentFacts facts(IncidentView view, Map<String, StakeholderSnapshot> directory) {
        Set<String> principals = new HashSet<>();
        Set<String> organisations = new HashSet<>();
        Set<String> red = new HashSet<>();
        directory.values().forEach(stakeholder -> {
            boolean needToKnow = view.escalationTargets().contains(stakeholder.stakeholderId())
                    || subscribes(stakeholder, view);
            if (needToKnow && stakeholder.kind() == StakeholderKind.organisation) {
                organisations.add(stakeholder.organisation());
            } else if (needToKnow && stakeholder.principal() != null) {
                principals.add(stakeholder.principal());
            }
            if (stakeholder.kind() == StakeholderKind.person && stakeholder.principal() != null
                    && view.currentTargets().contains(stakeholder.stakeholderId())) {
                red.add(stakeholder.principal());
            }
        });
        return new IncidentFacts(view.reporterOrg(), view.tlp(), principals, organisations, red);
    }

    /** api.md "Whom": empty sectors or categories match all, a class matches its types, the severity reached. */
    private static boolean subscribes(StakeholderSnapshot stakeholder, IncidentView view) {
        if (stakeholder.subscribedMinSeverity() == null || view.severity() == null
                || view.severity().level() < stakeholder.subscribedMinSeverity()) {
            return false;
        }
        boolean sector = stakeholder.subscribedSectors().isEmpty()
                || stakeholder.subscribedSectors().stream().anyMatch(view.sector()::matchesPattern);
        boolean category = stakeholder.subscribedCategories().isEmpty()
                || stakeholder.subscribedCategories().stream().anyMatch(filter -> view.category().matches(Category.parse(filter)));
        return sector && category;
    }
}
