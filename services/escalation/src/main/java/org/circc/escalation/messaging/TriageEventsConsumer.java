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
import java.util.List;
import java.util.Optional;

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
        // the trigger is a member: its own triaged event is keyed by incident, so it may arrive after this one, and
        // the responders this signal reaches must be able to acknowledge through it at once
        registry.recordMember(changed.incidentId(), campaign);
        registry.recordSeverity(campaign, changed.severity(), changed.tlp());
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

    /**
     * Merges can arrive out of order (S into X before M into S): both campaigns are followed to where they live
     * now, so M's chain and members go to X, never to the merged-away S.
     */
    private void merged(CampaignMergedEvent merged) {
        List<CampaignId> current = registry.lockCurrent(List.of(merged.mergedCampaignId(), merged.campaignId()));
        CampaignId from = current.get(0);
        CampaignId survivor = current.get(1);
        if (from.equals(survivor)) {
            merged.movedIncidentIds().forEach(incidentId -> registry.recordMember(incidentId, survivor));
        } else {
            registry.merge(from, survivor, merged.movedIncidentIds());
            handOver(from, survivor);
        }
        chains.endIfSettled(survivor);
    }

    private void handOver(CampaignId from, CampaignId survivor) {
        if (!chains.exists(from)) {
            return;
        }
        EscalationChain chain = commandGateway.sendAndWait(new HandOverEscalationCommand(from, survivor));
        if (chain == null) {
            return;
        }
        Optional<IncidentRegistry.CampaignSeverity> known = registry.severityOf(survivor);
        CampaignId decidedBy = commandGateway.sendAndWait(new TakeOverEscalationCommand(survivor, from, chain,
                known.map(IncidentRegistry.CampaignSeverity::severity).orElse(null),
                known.map(IncidentRegistry.CampaignSeverity::tlp).orElse(null)));
        if (!survivor.equals(decidedBy)) {
            throw new IllegalStateException("campaign " + survivor + " is locked as current, yet its chain says it "
                    + "merged into " + decidedBy);
        }
    }
}
