package org.circc.escalation.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Severity;
import org.circc.contracts.events.Actor;

import java.time.Instant;

/**
 * Stored when someone acknowledged the chain at {@code level} on {@code incidentId}; no level is raised after it.
 * {@code startedAt} and {@code severity} make the time to acknowledge measurable from this event alone.
 */
public record EscalationAcknowledgedEvent(
        CampaignId campaignId,
        IncidentId incidentId,
        int level,
        String note,
        Actor actor,
        Severity severity,
        Instant startedAt,
        Instant acknowledgedAt) {
}
