package org.circc.triage.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;

import java.time.Instant;

/** Stored when an incident was scored and placed in a campaign. */
public record IncidentTriagedEvent(
        IncidentId incidentId,
        CampaignId campaignId,
        SeverityAssessment assessment,
        Sector sector,
        Tlp tlp,
        Instant triagedAt) {
}
