package org.circc.triage.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Severity;
import org.circc.contracts.events.Actor;

import java.time.Instant;

/** Stored when a coordinator set an incident's severity; {@code previousSeverity} is the one it replaced. */
public record IncidentSeverityOverriddenEvent(
        IncidentId incidentId,
        CampaignId campaignId,
        Severity previousSeverity,
        Severity severity,
        String reason,
        Actor actor,
        Instant overriddenAt) {
}
