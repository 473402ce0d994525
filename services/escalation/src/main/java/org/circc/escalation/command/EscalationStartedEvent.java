package org.circc.escalation.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

import java.time.Instant;

/** Stored when a campaign's chain starts: the whole policy version travels with it. */
public record EscalationStartedEvent(
        CampaignId campaignId,
        IncidentId incidentId,
        EscalationPolicy policy,
        Severity severity,
        Sector sector,
        Tlp tlp,
        Instant startedAt) {
}
