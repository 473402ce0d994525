package org.circc.escalation.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

import java.time.Instant;
import java.util.List;

/**
 * Stored when a level is raised: its targets must acknowledge before {@code ackDeadline}. Carries the incident
 * that drives the chain and what a notice about it needs.
 */
public record EscalationLevelRaisedEvent(
        CampaignId campaignId,
        IncidentId incidentId,
        int level,
        List<String> targets,
        Instant ackDeadline,
        Severity severity,
        Sector sector,
        Tlp tlp,
        String reason,
        Instant raisedAt) {

    public EscalationLevelRaisedEvent {
        targets = List.copyOf(targets);
    }
}
