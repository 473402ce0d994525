package org.circc.escalation.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

import java.time.Instant;

/**
 * Stored when a running chain's campaign changed severity or label: later levels and reminders carry them.
 * Not published (triage already did); a jump it causes is its own {@code EscalationLevelRaisedEvent}.
 */
public record EscalationSeverityChangedEvent(
        CampaignId campaignId,
        IncidentId incidentId,
        Severity severity,
        Tlp tlp,
        Instant changedAt) {
}
