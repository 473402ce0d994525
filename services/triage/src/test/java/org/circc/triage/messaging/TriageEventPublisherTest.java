package org.circc.triage.messaging;

import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.circc.triage.command.IncidentTriagedEvent;
import org.circc.triage.command.SeverityAssessment;
import org.circc.triage.command.SeverityScorer;
import org.circc.triage.command.TriageWeights;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class TriageEventPublisherTest {

    private final IntegrationEventPublisher integrationEvents = mock(IntegrationEventPublisher.class);
    private final TriageEventPublisher publisher = new TriageEventPublisher(integrationEvents);

    @Test
    void aTriageIsPublishedAsTheTriagedEventAndTheOpeningOfItsCampaign() {
        IncidentId incidentId = IncidentId.newId();
        CampaignId campaignId = CampaignId.newId();
        Instant triagedAt = Instant.parse("2026-07-24T10:20:01.250Z");
        SeverityAssessment assessment = new SeverityScorer(new TriageWeights(30, 15, 15, 25, 15,
                List.of(10.0, 25.0, 45.0, 65.0, 85.0), Map.of("availability:ddos", 0.8)))
                .assess(new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                        Sector.GAMES_TICKETING, Category.parse("availability:ddos"));
        String eventId = "5d2c7d0e-1f0b-4c1e-8d4a-8f6f1a9b3c21";

        publisher.on(new IncidentTriagedEvent(incidentId, campaignId, assessment, Sector.GAMES_TICKETING, Tlp.GREEN,
                triagedAt), eventId);

        InOrder order = inOrder(integrationEvents);
        order.verify(integrationEvents).publish(new org.circc.contracts.events.IncidentTriagedEvent(incidentId,
                campaignId, assessment.severity(), assessment.score(), assessment.factors(), Actor.system("triage"),
                triagedAt), eventId);
        order.verify(integrationEvents).publish(new CampaignSeverityChangedEvent(campaignId, incidentId, null,
                assessment.severity(), Set.of(Sector.GAMES_TICKETING), Tlp.GREEN, triagedAt), eventId + "#campaign");
        verifyNoMoreInteractions(integrationEvents);
    }

    @Test
    void theCampaignSignalIsAnOpeningKeyedByTheCampaignWithAStableDerivedId() {
        IncidentId incidentId = IncidentId.newId();
        CampaignId campaignId = CampaignId.newId();
        SeverityAssessment assessment = new SeverityScorer(new TriageWeights(30, 15, 15, 25, 15,
                List.of(10.0, 25.0, 45.0, 65.0, 85.0), Map.of()))
                .assess(Impact.NONE, Sector.RAILWAYS, Category.parse("intrusions"));
        IncidentTriagedEvent triaged = new IncidentTriagedEvent(incidentId, campaignId, assessment, Sector.RAILWAYS,
                Tlp.RED, Instant.parse("2026-07-24T09:00:00Z"));

        publisher.on(triaged, "stored-1");
        publisher.on(triaged, "stored-1"); // a redelivery from the event store publishes under the same ids

        ArgumentCaptor<IntegrationEvent> events = ArgumentCaptor.forClass(IntegrationEvent.class);
        ArgumentCaptor<String> ids = ArgumentCaptor.forClass(String.class);
        verify(integrationEvents, times(4)).publish(events.capture(), ids.capture());
        assertThat(ids.getAllValues()).containsExactly("stored-1", "stored-1#campaign", "stored-1", "stored-1#campaign");

        assertThat(events.getAllValues().get(0)).isInstanceOfSatisfying(
                org.circc.contracts.events.IncidentTriagedEvent.class, event -> {
                    assertThat(event.subject()).isEqualTo(incidentId.toString());
                    assertThat(event.actor()).isEqualTo(Actor.system("triage"));
                    assertThat(event.factors()).isEqualTo(assessment.factors());
                });
        assertThat(events.getAllValues().get(1)).isInstanceOfSatisfying(CampaignSeverityChangedEvent.class, event -> {
            assertThat(event.opened()).isTrue();
            assertThat(event.previousSeverity()).isNull();
            assertThat(event.subject()).isEqualTo(campaignId.toString());
            assertThat(event.incidentId()).isEqualTo(incidentId);
            assertThat(event.sectors()).containsExactly(Sector.RAILWAYS);
            assertThat(event.tlp()).isEqualTo(Tlp.RED);
        });
        assertThat(events.getAllValues().get(2)).isEqualTo(events.getAllValues().get(0));
        assertThat(events.getAllValues().get(3)).isEqualTo(events.getAllValues().get(1));
        verify(integrationEvents, times(2)).publish(eq(events.getAllValues().get(1)), eq("stored-1#campaign"));
    }
}
