package org.circc.escalation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

/** Start the campaign's chain under {@code policy}, triggered by {@code incidentId}; no-op if it ran already. */
public record StartEscalationCommand(
        @TargetAggregateIdentifier CampaignId campaignId,
        IncidentId incidentId,
        EscalationPolicy policy,
        Severity severity,
        Sector sector,
        Tlp tlp) {
}
