package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Severity;

import java.time.Instant;

/**
 * v1 — a coordinator set an incident's severity with a reason; later automatic scoring of the incident never
 * undoes it. {@code previousSeverity} is the one it replaced.
 */
public record IncidentSeverityOverriddenEvent(
        IncidentId incidentId,
        CampaignId campaignId,
        Severity previousSeverity,
        Severity severity,
        String reason,
        Actor actor,
        Instant occurredAt) implements IncidentEvent {

    @Override
    public String subject() {
        return incidentId.toString();
    }
}
