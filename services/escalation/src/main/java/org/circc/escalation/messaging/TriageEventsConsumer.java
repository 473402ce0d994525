package org.circc.escalation.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Sector;
import org.circc.contracts.events.CampaignMergedEvent;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.escalation.command.ChangeEscalationSeverityCommand;
import org.circc.escalation.command.EscalationChain;
import org.circc.escalation.command.HandOverEscalationCommand;
import org.circc.escalation.command.IncidentSharing;
import org.circc.escalation.command.StartEscalationCommand;
import org.circc.escalation.command.TakeOverEscalationCommand;
import org.circc.escalation.query.IncidentRecord;
import org.circc.escalation.query.IncidentRegistry;
import org.circc.escalation.query.PolicyRepository;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;

import java.util.Comparator;

/**
 * Triage's campaign signals drive the chains (api.md "Who is told what, and when"): membership, the severity that
 * starts a chain or makes it jump, and merges. Runs in the inbox transaction with the campaign's row locked.
 */
public class TriageEventsConsumer implements IntegrationEventHandler {

    private final CommandGateway commandGateway;
    private final PolicyRepository policies;
    private final IncidentRegistry registry;
    private final EscalationChains chains;

    public TriageEventsConsumer(CommandGateway commandGateway, PolicyRepository policies, IncidentRegistry registry,
                                EscalationChains chains) {
        this.commandGateway = commandGateway;
        this.policies = policies;
        this.registry = registry;
        this.chains = chains;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        // an incident's severity override reaches the chain as its campaign's CampaignSeverityChangedEvent
        if (event.payload() instanceof IncidentTriagedEvent triaged) {
            CampaignId campaign = registry.lockCampaign(triaged.campaignId());
            registry.recordMember(triaged.incidentId(), campaign);
            chains.endIfSettled(campaign);
        } else if (event.payload() instanceof CampaignSeverityChangedEvent changed) {
            severityChanged(changed);
        } else if (event.payload() instanceof CampaignMergedEvent merged) {
            merged(merged);
        }
    }

    private void severityChanged(CampaignSeverityChangedEvent changed) {
        CampaignId campaign = registry.lockCampaign(changed.campaignId());
        if (!campaign.equals(changed.campaignId())) {
            return; // about a campaign merged away since: the survivor's own signals drive its chain
        }
        if (chains.exists(campaign)) {
            commandGateway.sendAndWait(new ChangeEscalationSeverityCommand(campaign, changed.incidentId(),
                    changed.severity(), changed.tlp()));
            return;
        }
        if (registry.isSettled(campaign)) {
            return;
        }
        policies.inForce().choose(changed.severity(), changed.sectors()).ifPresent(policy ->
                commandGateway.sendAndWait(new StartEscalationCommand(campaign, changed.incidentId(), policy,
                        changed.severity(), sectorOf(changed), changed.tlp())));
    }

    /** The triggering incident's sector if intake's report arrived, else the campaign's first sector. */
    private Sector sectorOf(CampaignSeverityChangedEvent changed) {
        return registry.find(changed.incidentId())
                .flatMap(IncidentRecord::sharing)
                .map(IncidentSharing::sector)
                .orElseGet(() -> changed.sectors().stream().min(Comparator.naturalOrder()).orElseThrow());
    }

    private void merged(CampaignMergedEvent merged) {
        // locked in id order, so two merges of the same campaigns cannot deadlock
        CampaignId first = merged.campaignId().compareTo(merged.mergedCampaignId()) < 0
                ? merged.campaignId() : merged.mergedCampaignId();
        CampaignId second = first.equals(merged.campaignId()) ? merged.mergedCampaignId() : merged.campaignId();
        registry.lockCampaign(first);
        registry.lockCampaign(second);
        registry.merge(merged.mergedCampaignId(), merged.campaignId(), merged.movedIncidentIds());
        if (chains.exists(merged.mergedCampaignId())) {
            EscalationChain chain = commandGateway.sendAndWait(
                    new HandOverEscalationCommand(merged.mergedCampaignId(), merged.campaignId()));
            if (chain != null) {
                commandGateway.sendAndWait(new TakeOverEscalationCommand(merged.campaignId(),
                        merged.mergedCampaignId(), chain));
            }
        }
        chains.endIfSettled(merged.campaignId());
    }
}
