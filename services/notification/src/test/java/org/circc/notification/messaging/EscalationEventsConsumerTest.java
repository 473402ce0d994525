package org.circc.notification.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.EscalationExhaustedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationStartedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.StakeholderKind;
import org.circc.notification.command.Notice;
import org.circc.notification.command.QueueDeliveryCommand;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.StakeholderDirectory;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class EscalationEventsConsumerTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");

    private static final StakeholderDirectory DIRECTORY = new StakeholderDirectory(List.of(
            new Stakeholder("responder-1", "Responder 1", StakeholderKind.person, "circc", "responder-1", Tlp.RED,
                    List.of(new Stakeholder.Channel("stream", null),
                            new Stakeholder.Channel("email", "responder-1@circc.localhost"))),
            new Stakeholder("csirt-oncall", "CSIRT on call", StakeholderKind.team, "circc", null, Tlp.AMBER_STRICT,
                    List.of(new Stakeholder.Channel("email", "csirt-oncall@circc.localhost"))),
            new Stakeholder("stream-only", "Stream only", StakeholderKind.person, "circc", "someone", Tlp.RED,
                    List.of(new Stakeholder.Channel("stream", null)))));

    private CommandGateway commandGateway;
    private EscalationEventsConsumer consumer;

    @BeforeEach
    void setUp() {
        commandGateway = mock(CommandGateway.class);
        consumer = new EscalationEventsConsumer(commandGateway, DIRECTORY);
    }

    private static ReceivedIntegrationEvent received(IntegrationEvent payload) {
        return new ReceivedIntegrationEvent("event-1", "org.circc.escalation.level-raised.v1", "/circc/escalation",
                payload.subject(), payload);
    }

    private static EscalationLevelRaisedEvent raised(int level, List<String> targets) {
        return new EscalationLevelRaisedEvent(CAMPAIGN.value(), CAMPAIGN, INCIDENT, level, targets,
                AT.plusSeconds(300), Severity.SEVERE, Sector.RAILWAYS, Tlp.AMBER_STRICT, "level 1 not acknowledged", AT);
    }

    private List<QueueDeliveryCommand> queued(int expected) {
        ArgumentCaptor<QueueDeliveryCommand> commands = ArgumentCaptor.forClass(QueueDeliveryCommand.class);
        verify(commandGateway, times(expected)).sendAndWait(commands.capture());
        verifyNoMoreInteractions(commandGateway);
        return commands.getAllValues();
    }

    @Test
    void aRaisedLevelQueuesOneDeliveryPerEmailChannelOfEachTarget() {
        consumer.handle(received(raised(1, List.of("csirt-oncall", "responder-1"))));

        List<QueueDeliveryCommand> commands = queued(2);
        assertThat(commands).extracting(QueueDeliveryCommand::stakeholderId)
                .containsExactly("csirt-oncall", "responder-1");
        assertThat(commands).extracting(QueueDeliveryCommand::channel).containsOnly("email");
        assertThat(commands).extracting(QueueDeliveryCommand::deliveryId).doesNotHaveDuplicates().doesNotContainNull();
    }

    @Test
    void theNoticeCarriesTheRedactedFieldsAndTheLink() {
        consumer.handle(received(raised(2, List.of("csirt-oncall"))));

        Notice notice = queued(1).get(0).notice();
        assertThat(notice).isEqualTo(new Notice("escalation.level-raised", INCIDENT, CAMPAIGN, 2, Severity.SEVERE,
                Sector.RAILWAYS, Tlp.AMBER_STRICT, "/api/v1/incidents/" + INCIDENT));
    }

    @Test
    void theNoticeHasNoRoomForDetails() {
        assertThat(Arrays.stream(Notice.class.getRecordComponents()).map(RecordComponent::getName))
                .as("a redacted notice: never title, description or observables")
                .containsExactly("eventType", "incidentId", "campaignId", "level", "severity", "sector", "tlp", "link");
    }

    @Test
    void everyTargetGetsTheSameNotice() {
        consumer.handle(received(raised(1, List.of("csirt-oncall", "responder-1"))));

        List<QueueDeliveryCommand> commands = queued(2);
        assertThat(commands.get(0).notice()).isEqualTo(commands.get(1).notice());
    }

    @Test
    void aTargetWithOnlyAStreamChannelGetsNoEmailDelivery() {
        consumer.handle(received(raised(1, List.of("stream-only"))));

        verifyNoInteractions(commandGateway);
    }

    @Test
    void anUnknownTargetIsSkippedAndTheOthersAreStillTold() {
        consumer.handle(received(raised(1, List.of("nobody-we-know", "csirt-oncall"))));

        assertThat(queued(1)).extracting(QueueDeliveryCommand::stakeholderId).containsExactly("csirt-oncall");
    }

    @Test
    void otherEscalationEventsQueueNothing() {
        consumer.handle(received(new EscalationStartedEvent(CAMPAIGN.value(), CAMPAIGN, INCIDENT, "default", 1,
                Severity.HIGH, AT)));
        consumer.handle(received(new EscalationExhaustedEvent(CAMPAIGN.value(), CAMPAIGN, INCIDENT, 3, AT)));

        verifyNoInteractions(commandGateway);
    }
}
