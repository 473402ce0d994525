package org.circc.escalation.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.events.Actor;
import org.circc.contracts.sharing.Viewer;

/**
 * Acknowledge the chain of the incident's campaign, as {@code viewer}. {@code incident} is what the sharing rule
 * needs to know about the incident named in the request.
 */
public record AcknowledgeEscalationCommand(
        @TargetAggregateIdentifier CampaignId campaignId,
        IncidentId incidentId,
        IncidentSharing incident,
        Viewer viewer,
        Actor actor,
        String note) {

    /** The same acknowledgement, for the campaign the chain continues in after a merge. */
    public AcknowledgeEscalationCommand atCampaign(CampaignId survivorId) {
        return new AcknowledgeEscalationCommand(survivorId, incidentId, incident, viewer, actor, note);
    }
}
