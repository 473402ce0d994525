package org.circc.escalation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

/** Tell a running chain its campaign's new severity and label ({@code incidentId} triggered the change). */
public record ChangeEscalationSeverityCommand(
        @TargetAggregateIdentifier CampaignId campaignId,
        IncidentId incidentId,
        Severity severity,
        Tlp tlp) {
}
