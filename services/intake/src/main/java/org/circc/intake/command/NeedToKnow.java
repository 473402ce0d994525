package org.circc.intake.command;

import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.sharing.IncidentFacts;

/**
 * Who besides the reporter and the center may see an incident (product brief, TLP table): for AMBER, the
 * stakeholders its campaign's escalation has told and the subscribers to its sector; for RED, the persons targeted
 * at the current level. Other services' events decide it, so the query side keeps it; the aggregate asks.
 */
public interface NeedToKnow {

    IncidentFacts factsOf(IncidentId incident, String reporterOrganisation, Tlp tlp, Sector sector);
}
