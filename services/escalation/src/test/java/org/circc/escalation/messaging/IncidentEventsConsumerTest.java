package org.circc.escalation.messaging;

import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IncidentEvent;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.escalation.query.IncidentRecord;
import org.circc.escalation.query.IncidentRegistry;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class IncidentEventsConsumerTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final CampaignId SURVIVOR = CampaignId.of("5d7e9f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a");

    private IncidentRegistry registry;
    private EscalationChains chains;
    private IncidentEventsConsumer consumer;

    @BeforeEach
    void setUp() {
        registry = mock(IncidentRegistry.class);
        chains = mock(EscalationChains.class);
        consumer = new IncidentEventsConsumer(registry, chains);
    }

    private static ReceivedIntegrationEvent received(IncidentEvent payload) {
        return new ReceivedIntegrationEvent("event-1", "type", "/circc/intake", payload.subject(), payload);
    }

    private static IncidentStatusChangedEvent resolved() {
        return new IncidentStatusChangedEvent(INCIDENT, IncidentStatus.ACKNOWLEDGED, IncidentStatus.RESOLVED,
                "patched", Actor.principal("responder-1", "circc"), AT);
    }

    @Test
    void aReportKeepsWhatTheSharingRuleNeeds() {
        consumer.handle(received(new IncidentReportedEvent(INCIDENT, "t", "d", Category.parse("availability:ddos"),
                Sector.RAILWAYS, Tlp.RED, Impact.NONE, List.of(), List.of(), "rail-east", AT,
                Actor.principal("ops@rail-east", "rail-east"), AT)));

        verify(registry).recordReported(INCIDENT, "rail-east", Tlp.RED, Sector.RAILWAYS);
        verifyNoInteractions(chains);
    }

    /** The campaign's row is locked before the incident's: the order the other consumers take. */
    @Test
    void aStatusChangeMayEndTheChainOfTheCampaignTheIncidentBelongsToNow() {
        when(registry.find(INCIDENT)).thenReturn(Optional.of(new IncidentRecord(INCIDENT, Optional.of(CAMPAIGN),
                Optional.empty())));
        when(registry.lockCampaign(CAMPAIGN)).thenReturn(SURVIVOR);
        when(registry.recordStatus(INCIDENT, IncidentStatus.RESOLVED)).thenReturn(Optional.of(CAMPAIGN));

        consumer.handle(received(resolved()));

        InOrder order = inOrder(registry, chains);
        order.verify(registry).lockCampaign(CAMPAIGN);
        order.verify(registry).recordStatus(INCIDENT, IncidentStatus.RESOLVED);
        order.verify(chains).endIfSettled(SURVIVOR);
        verify(registry).lockCampaign(any());
    }

    @Test
    void anIncidentTriagedWhileItsStatusChangedLocksTheCampaignItWasPlacedIn() {
        when(registry.find(INCIDENT)).thenReturn(Optional.empty());
        when(registry.recordStatus(INCIDENT, IncidentStatus.RESOLVED)).thenReturn(Optional.of(CAMPAIGN));
        when(registry.lockCampaign(CAMPAIGN)).thenReturn(CAMPAIGN);

        consumer.handle(received(resolved()));

        InOrder order = inOrder(registry, chains);
        order.verify(registry).recordStatus(INCIDENT, IncidentStatus.RESOLVED);
        order.verify(registry).lockCampaign(CAMPAIGN);
        order.verify(chains).endIfSettled(CAMPAIGN);
    }

    @Test
    void aStatusChangeOfAnUntriagedIncidentIsOnlyRecorded() {
        when(registry.find(INCIDENT)).thenReturn(Optional.empty());

        consumer.handle(received(resolved()));

        verify(registry).recordStatus(INCIDENT, IncidentStatus.RESOLVED);
        verify(registry, never()).lockCampaign(any());
        verifyNoInteractions(chains);
    }
}
