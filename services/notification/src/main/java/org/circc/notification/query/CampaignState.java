package org.circc.notification.query;

import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;

import java.util.Set;

/**
 * A campaign's sectors and most restrictive TLP (null until triage's event arrived), and whether its escalation
 * runs, at which level (0 before the first is raised).
 */
public record CampaignState(Set<Sector> sectors, Tlp tlp, boolean escalationActive, int level) {

    public CampaignState {
        sectors = Set.copyOf(sectors);
    }

    public static final CampaignState UNKNOWN = new CampaignState(Set.of(), null, false, 0);
}
