package org.circc.notification.messaging;

import org.circc.contracts.Sector;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.notification.command.Notice;
import org.circc.notification.command.Recipient;
import org.circc.notification.query.CampaignState;
import org.circc.notification.query.CampaignStates;
import org.circc.notification.query.IncidentDetails;
import org.circc.notification.query.IncidentDetailsRepository;
import org.circc.notification.query.StakeholderDirectory;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;

import java.util.Optional;

/**
 * Triage's campaign signal: keeps each campaign's sectors and TLP, and tells the subscribers when the severity of a
 * campaign whose escalation runs rises (the opening of a campaign is not a rise).
 */
public class TriageEventsConsumer implements IntegrationEventHandler {

    private final Notifier notifier;
    private final StakeholderDirectory directory;
    private final CampaignStates campaigns;
    private final IncidentDetailsRepository incidents;

    public TriageEventsConsumer(Notifier notifier, StakeholderDirectory directory, CampaignStates campaigns,
                                IncidentDetailsRepository incidents) {
        this.notifier = notifier;
        this.directory = directory;
        this.campaigns = campaigns;
        this.incidents = incidents;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        if (!(event.payload() instanceof CampaignSeverityChangedEvent changed)) {
            return;
        }
        campaigns.recordTriage(changed.campaignId(), changed.sectors(), changed.tlp());
        CampaignState campaign = campaigns.find(changed.campaignId());
        boolean rose = !changed.opened() && changed.severity().level() > changed.previousSeverity().level();
        if (!rose || !campaign.escalationActive()) {
            return;
        }
        Optional<IncidentDetails> incident = incidents.find(changed.incidentId());
        Sector sector = incident.map(IncidentDetails::sector).orElse(changed.sectors().iterator().next());
        Notifier.Message message = new Notifier.Message(Notice.SEVERITY_RAISED, changed.incidentId(),
                changed.campaignId(), campaign.level(), changed.severity(), sector, changed.tlp(),
                changed.occurredAt());
        SubscriberSelection.subscribers(directory.all(), changed.sectors(),
                        incident.map(IncidentDetails::category).orElse(null), changed.severity())
                .forEach(subscriber -> notifier.tell(subscriber, Recipient.Reason.SUBSCRIBER, message, true));
    }
}
