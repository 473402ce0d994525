package org.circc.triage.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.circc.contracts.events.Actor;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.circc.triage.command.CampaignMergedEvent;
import org.circc.triage.command.CampaignSeverityChangedEvent;
import org.circc.triage.command.IncidentCorrelatedEvent;
import org.circc.triage.command.IncidentSeverityOverriddenEvent;
import org.circc.triage.command.IncidentTriagedEvent;

/** Publishes triage's stored events on {@code circc.triage-events}, each under the id of the stored event. */
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class TriageEventPublisher {

    static final Actor TRIAGE = Actor.system("triage");

    private final IntegrationEventPublisher publisher;

    public TriageEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(IncidentTriagedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.IncidentTriagedEvent(event.incidentId(), event.campaignId(),
                event.assessment().severity(), event.assessment().score(), event.assessment().factors(), TRIAGE,
                event.triagedAt()), eventId);
    }

    @EventHandler
    void on(IncidentCorrelatedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.IncidentCorrelatedEvent(event.incidentId(),
                event.campaignId(), event.matchedOn(), event.reportCount(), event.correlatedAt()), eventId);
    }

    @EventHandler
    void on(CampaignMergedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.CampaignMergedEvent(event.campaignId(),
                event.mergedCampaignId(), event.incidentId(), event.movedIncidentIds(), event.mergedAt()), eventId);
    }

    @EventHandler
    void on(CampaignSeverityChangedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.CampaignSeverityChangedEvent(event.campaignId(),
                event.incidentId(), event.previousSeverity(), event.severity(), event.sectors(), event.tlp(),
                event.changedAt()), eventId);
    }

    @EventHandler
    void on(IncidentSeverityOverriddenEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.IncidentSeverityOverriddenEvent(event.incidentId(),
                event.campaignId(), event.previousSeverity(), event.severity(), event.reason(), event.actor(),
                event.overriddenAt()), eventId);
    }
}
