package org.circc.notification.messaging;

import org.circc.contracts.Category;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.EscalationEndedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationPolicySavedEvent;
import org.circc.contracts.events.EscalationRemindedEvent;
import org.circc.contracts.events.EscalationStartedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.notification.command.Notice;
import org.circc.notification.command.Recipient;
import org.circc.notification.query.CampaignState;
import org.circc.notification.query.CampaignStates;
import org.circc.notification.query.IncidentDetails;
import org.circc.notification.query.IncidentDetailsRepository;
import org.circc.notification.query.JdbcPolicyTargets;
import org.circc.notification.query.StakeholderDirectory;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Escalation's events: the targets of a raised level and of a reminder are told (reminders never suppressed),
 * the subscribers when a campaign is escalated; the policies' targets and each campaign's escalation state are
 * kept for the directory and for later severity rises.
 */
public class EscalationEventsConsumer implements IntegrationEventHandler {

    private static final Logger log = LoggerFactory.getLogger(EscalationEventsConsumer.class);

    private final Notifier notifier;
    private final StakeholderDirectory directory;
    private final JdbcPolicyTargets policyTargets;
    private final CampaignStates campaigns;
    private final IncidentDetailsRepository incidents;

    public EscalationEventsConsumer(Notifier notifier, StakeholderDirectory directory, JdbcPolicyTargets policyTargets,
                                    CampaignStates campaigns, IncidentDetailsRepository incidents) {
        this.notifier = notifier;
        this.directory = directory;
        this.policyTargets = policyTargets;
        this.campaigns = campaigns;
        this.incidents = incidents;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        IntegrationEvent payload = event.payload();
        if (payload instanceof EscalationPolicySavedEvent saved) {
            policyTargets.save(saved.policyId(), saved.version(), saved.targets());
        } else if (payload instanceof EscalationStartedEvent started) {
            started(started);
        } else if (payload instanceof EscalationLevelRaisedEvent raised) {
            campaigns.levelRaised(raised.campaignId(), raised.level());
            tellTargets(raised.targets(), new Notifier.Message(Notice.LEVEL_RAISED, raised.incidentId(),
                    raised.campaignId(), raised.level(), raised.severity(), raised.sector(), raised.tlp(),
                    raised.occurredAt()), true);
            if (campaigns.takeSubscribersPending(raised.campaignId())) {
                CampaignState campaign = campaigns.find(raised.campaignId());
                tellSubscribers(new Notifier.Message(Notice.ESCALATED, raised.incidentId(), raised.campaignId(), 0,
                                raised.severity(), raised.sector(), raised.tlp(), raised.occurredAt()),
                        campaign.sectors().isEmpty() ? Set.of(raised.sector()) : campaign.sectors());
            }
        } else if (payload instanceof EscalationRemindedEvent reminded) {
            tellTargets(reminded.targets(), new Notifier.Message(Notice.REMINDER, reminded.incidentId(),
                    reminded.campaignId(), reminded.level(), reminded.severity(), reminded.sector(), reminded.tlp(),
                    reminded.occurredAt()), false);
        } else if (payload instanceof EscalationEndedEvent ended) {
            campaigns.escalationEnded(ended.campaignId());
        }
    }

    private void tellTargets(List<String> targets, Notifier.Message message, boolean suppressible) {
        for (String target : targets) {
            directory.find(target).ifPresentOrElse(
                    stakeholder -> notifier.tell(stakeholder, Recipient.Reason.CURRENT_LEVEL_TARGET, message,
                            suppressible),
                    () -> log.warn("level {} of campaign {} targets unknown stakeholder {}", message.level(),
                            message.campaignId(), target));
        }
    }

    private void started(EscalationStartedEvent started) {
        campaigns.escalationStarted(started.campaignId());
        CampaignState campaign = campaigns.find(started.campaignId());
        Optional<IncidentDetails> incident = incidents.find(started.incidentId());
        Set<Sector> sectors = !campaign.sectors().isEmpty() ? campaign.sectors()
                : incident.map(known -> Set.of(known.sector())).orElse(Set.of());
        Tlp tlp = campaign.tlp() != null ? campaign.tlp() : incident.map(IncidentDetails::tlp).orElse(null);
        if (sectors.isEmpty() || tlp == null) {
            // triage's and intake's events have not arrived: the first level raised says sector and TLP
            campaigns.markSubscribersPending(started.campaignId());
            return;
        }
        Sector sector = incident.map(IncidentDetails::sector).orElse(sectors.iterator().next());
        tellSubscribers(new Notifier.Message(Notice.ESCALATED, started.incidentId(), started.campaignId(),
                campaign.level(), started.severity(), sector, tlp, started.occurredAt()), sectors);
    }

    private void tellSubscribers(Notifier.Message message, Set<Sector> sectors) {
        Category category = incidents.find(message.incidentId()).map(IncidentDetails::category).orElse(null);
        SubscriberSelection.subscribers(directory.all(), sectors, category, message.severity())
                .forEach(subscriber -> notifier.tell(subscriber, Recipient.Reason.SUBSCRIBER, message, true));
    }
}
