package org.circc.notification.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.notification.command.Notice;
import org.circc.notification.command.QueueDeliveryCommand;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.StakeholderDirectory;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** Queues one delivery per target of a raised level and per e-mail channel of that target. */
public class EscalationEventsConsumer implements IntegrationEventHandler {

    private static final Logger log = LoggerFactory.getLogger(EscalationEventsConsumer.class);

    private final CommandGateway commandGateway;
    private final StakeholderDirectory directory;

    public EscalationEventsConsumer(CommandGateway commandGateway, StakeholderDirectory directory) {
        this.commandGateway = commandGateway;
        this.directory = directory;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        if (event.payload() instanceof EscalationLevelRaisedEvent raised) {
            Notice notice = new Notice("escalation.level-raised", raised.incidentId(), raised.campaignId(),
                    raised.level(), raised.severity(), raised.sector(), raised.tlp(),
                    "/api/v1/incidents/" + raised.incidentId());
            for (String target : raised.targets()) {
                directory.find(target).ifPresentOrElse(
                        stakeholder -> queue(stakeholder, notice),
                        () -> log.warn("level {} of campaign {} targets unknown stakeholder {}",
                                raised.level(), raised.campaignId(), target));
            }
        }
    }

    private void queue(Stakeholder stakeholder, Notice notice) {
        stakeholder.channels().stream()
                .filter(channel -> EmailChannel.TYPE.equals(channel.type()))
                .forEach(channel -> commandGateway.sendAndWait(
                        new QueueDeliveryCommand(UUID.randomUUID(), stakeholder.id(), channel.type(), notice)));
    }
}
