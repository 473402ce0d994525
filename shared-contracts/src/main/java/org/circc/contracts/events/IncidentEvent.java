package org.circc.contracts.events;

import org.circc.contracts.IncidentId;

/** An integration event about one incident: every such event names it, whatever aggregate it comes from. */
public interface IncidentEvent extends IntegrationEvent {

    IncidentId incidentId();
}
