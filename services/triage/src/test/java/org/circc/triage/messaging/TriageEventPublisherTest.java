package org.circc.triage.messaging;

import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.SeverityFactor;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.circc.triage.command.CampaignMergedEvent;
import org.circc.triage.command.CampaignSeverityChangedEvent;
import org.circc.triage.command.IncidentCorrelatedEvent;
import org.circc.triage.command.IncidentSeverityOverriddenEvent;
import org.circc.triage.command.IncidentTriagedEvent;
import org.circc.triage.command.SeverityAssessment;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/** Each stored event becomes its integration event, under the stored event's id. */
class TriageEventPublisherTest {

    private static final IncidentId INCIDENT = IncidentId.newId();
    private static final CampaignId CAMPAIGN = CampaignId.newId();
    private static final Instant AT = Instant.parse("2026-07-24T10:20:01.250Z");

    private final IntegrationEventPublisher integrationEvents = mock(IntegrationEventPublisher.class);
    private final TriageEventPublisher publisher = new TriageEventPublisher(integrationEvents);

    @Test
    void aTriageIsPublishedWithItsScoreFactorsAndCampaign() {
        List<SeverityFactor> factors = List.of(new SeverityFactor("functional-impact", "high", 25.0));
        publisher.on(new IncidentTriagedEvent(INCIDENT, CAMPAIGN, "venue-tokyo", Sector.GAMES_TICKETING, Tlp.AMBER,
                Category.parse("availability:ddos"), Impact.NONE, AT, List.of("observable ipv4:203.0.113.7"), 25.0,
                new SeverityAssessment(48.0, Severity.HIGH, factors), AT), "stored-1");

        verify(integrationEvents).publish(new org.circc.contracts.events.IncidentTriagedEvent(INCIDENT, CAMPAIGN,
                Severity.HIGH, 48.0, factors, Actor.system("triage"), AT), "stored-1");
        verifyNoMoreInteractions(integrationEvents);
    }

    @Test
    void correlationsMergesSignalsAndOverridesArePublishedAsTheirContracts() {
        IncidentId moved = IncidentId.newId();
        CampaignId merged = CampaignId.newId();
        Actor coordinator = Actor.principal("coordinator-1", "circc");

        publisher.on(new IncidentCorrelatedEvent(INCIDENT, CAMPAIGN, "observable ipv4:203.0.113.7", 2, AT), "stored-2");
        publisher.on(new CampaignMergedEvent(CAMPAIGN, merged, INCIDENT, List.of(moved), AT), "stored-3");
        publisher.on(new CampaignSeverityChangedEvent(CAMPAIGN, INCIDENT, Severity.HIGH, Severity.SEVERE,
                Set.of(Sector.RAILWAYS), Tlp.RED, AT), "stored-4");
        publisher.on(new IncidentSeverityOverriddenEvent(INCIDENT, CAMPAIGN, Severity.SEVERE, Severity.LOW, "drill",
                coordinator, AT), "stored-5");

        verify(integrationEvents).publish(new org.circc.contracts.events.IncidentCorrelatedEvent(INCIDENT, CAMPAIGN,
                "observable ipv4:203.0.113.7", 2, AT), "stored-2");
        verify(integrationEvents).publish(new org.circc.contracts.events.CampaignMergedEvent(CAMPAIGN, merged, INCIDENT,
                List.of(moved), AT), "stored-3");
        verify(integrationEvents).publish(new org.circc.contracts.events.CampaignSeverityChangedEvent(CAMPAIGN, INCIDENT,
                Severity.HIGH, Severity.SEVERE, Set.of(Sector.RAILWAYS), Tlp.RED, AT), "stored-4");
        verify(integrationEvents).publish(new org.circc.contracts.events.IncidentSeverityOverriddenEvent(INCIDENT,
                CAMPAIGN, Severity.SEVERE, Severity.LOW, "drill", coordinator, AT), "stored-5");
        verifyNoMoreInteractions(integrationEvents);
    }
}
