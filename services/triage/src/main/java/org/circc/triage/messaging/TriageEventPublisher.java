package org.circc.triage.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.circc.triage.command.IncidentTriagedEvent;
import org.springframework.stereotype.Component;

import java.util.Set;

/** Publishes triage's stored events on {@code circc.triage-events}. */
@Component
@ProcessingGroup(IntegrationEventPublisher.PROCESSING_GROUP)
public class TriageEventPublisher {

    /** Suffix of the id of the campaign signal derived from a triage event: stable, so redeliveries are recognised. */
    static final String CAMPAIGN_SIGNAL_SUFFIX = "#campaign";

    private final IntegrationEventPublisher publisher;

    public TriageEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(IncidentTriagedEvent event, @MessageIdentifier String eventId) {
        publisher.publish(new org.circc.contracts.events.IncidentTriagedEvent(event.incidentId(), event.campaignId(),
                event.assessment().severity(), event.assessment().score(), event.assessment().factors(),
                Actor.system("triage"), event.triagedAt()), eventId);
        publisher.publish(new CampaignSeverityChangedEvent(event.campaignId(), event.incidentId(), null,
                event.assessment().severity(), Set.of(event.sector()), event.tlp(), event.triagedAt()),
                eventId + CAMPAIGN_SIGNAL_SUFFIX);
    }
}
