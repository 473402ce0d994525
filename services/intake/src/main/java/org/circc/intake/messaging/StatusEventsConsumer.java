package org.circc.intake.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignMergedEvent;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.intake.command.MarkIncidentAcknowledgedCommand;
import org.circc.intake.command.MarkIncidentEscalatedCommand;
import org.circc.intake.command.MarkIncidentTriagedCommand;
import org.circc.intake.query.CampaignChains;
import org.circc.intake.query.CampaignChains.Chain;
import org.circc.intake.query.CampaignChains.Stage;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Moves incidents along their lifecycle from triage's and escalation's events; runs inside the inbox transaction
 * of the platform consumer. Escalation is per campaign: every member follows its campaign's chain (api.md
 * "Lifecycle"), including reports that join, or campaigns merged in, after the chain started. The incident
 * commands are no-ops for members already that far or further, so re-applying a chain is harmless. Other event
 * types on those topics are not about an incident's status and are ignored.
 */
public class StatusEventsConsumer implements IntegrationEventHandler {

    static final Actor ESCALATION = Actor.system("escalation");

    private final CommandGateway commandGateway;
    private final CampaignChains chains;

    public StatusEventsConsumer(CommandGateway commandGateway, CampaignChains chains) {
        this.commandGateway = commandGateway;
        this.chains = chains;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        Object payload = event.payload();
        if (payload instanceof IncidentTriagedEvent triaged) {
            chains.lock(triaged.campaignId());
            chains.join(triaged.incidentId(), triaged.campaignId());
            commandGateway.sendAndWait(new MarkIncidentTriagedCommand(triaged.incidentId(),
                    "triaged: severity " + triaged.severity().level() + " " + triaged.severity().displayName()
                            + ", campaign " + triaged.campaignId(),
                    triaged.actor()));
            follow(triaged.campaignId(), Set.of(triaged.incidentId()));
        } else if (payload instanceof CampaignMergedEvent merged) {
            chains.lock(merged.campaignId(), merged.mergedCampaignId());
            Set<IncidentId> moved = new LinkedHashSet<>(chains.moveMembers(merged.mergedCampaignId(), merged.campaignId()));
            merged.movedIncidentIds().forEach(incident -> {
                chains.join(incident, merged.campaignId());
                moved.add(incident);
            });
            follow(merged.campaignId(), moved);
        } else if (payload instanceof EscalationLevelRaisedEvent raised) {
            chains.lock(raised.campaignId());
            chains.join(raised.incidentId(), raised.campaignId());
            chains.advance(raised.campaignId(), new Chain(Stage.ESCALATED,
                    "escalation level " + raised.level() + " raised"
                            + (raised.reason() == null ? "" : ": " + raised.reason()),
                    ESCALATION));
            chains.recordTargets(raised.campaignId(), raised.targets());
            follow(raised.campaignId(), chains.members(raised.campaignId()));
        } else if (payload instanceof EscalationAcknowledgedEvent acknowledged) {
            chains.lock(acknowledged.campaignId());
            chains.join(acknowledged.incidentId(), acknowledged.campaignId());
            chains.advance(acknowledged.campaignId(), new Chain(Stage.ACKNOWLEDGED,
                    "escalation acknowledged at level " + acknowledged.level()
                            + (acknowledged.note() == null ? "" : ": " + acknowledged.note()),
                    acknowledged.actor()));
            follow(acknowledged.campaignId(), chains.members(acknowledged.campaignId()));
        }
    }

    /** Brings {@code incidents} to where their campaign's chain is, if it has one. */
    private void follow(CampaignId campaign, Collection<IncidentId> incidents) {
        chains.chainOf(campaign).ifPresent(chain -> incidents.forEach(incident ->
                commandGateway.sendAndWait(chain.stage() == Stage.ESCALATED
                        ? new MarkIncidentEscalatedCommand(incident, chain.reason(), chain.actor())
                        : new MarkIncidentAcknowledgedCommand(incident, chain.reason(), chain.actor()))));
    }
}
