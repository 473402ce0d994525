package org.circc.contracts.sharing;

/**
 * The one sharing rule of the platform (product brief, TLP table) for API principals: who may see an incident's
 * details. Whoever may not gets 404 on reads and commands. Plain Java, no I/O.
 */
public final class IncidentVisibility {

    private IncidentVisibility() {
    }

    public static boolean maySeeDetails(Viewer viewer, IncidentFacts facts) {
        if (viewer.isCenterCoordinator() || viewer.organisation().equals(facts.reporterOrganisation())) {
            return true;
        }
        return switch (facts.tlp()) {
            case CLEAR, GREEN -> true;
            case AMBER -> viewer.isOfCenter()
                    || facts.needToKnowPrincipals().contains(viewer.principal())
                    || facts.needToKnowOrganisations().contains(viewer.organisation());
            case AMBER_STRICT -> viewer.isOfCenter();
            case RED -> facts.redTargetPrincipals().contains(viewer.principal());
        };
    }
}
