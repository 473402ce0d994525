package org.circc.escalation.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.escalation.command.IncidentSharing;

import java.util.Optional;

/**
 * An incident as escalation knows it; {@code campaignId} is empty until triage placed it, {@code sharing} until
 * intake's report arrived (the two topics are not ordered with each other).
 */
public record IncidentRecord(IncidentId incidentId, Optional<CampaignId> campaignId, Optional<IncidentSharing> sharing) {
}
