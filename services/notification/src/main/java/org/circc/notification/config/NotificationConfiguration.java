package org.circc.notification.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.notification.command.StakeholderDirectory;
import org.circc.notification.messaging.EscalationEventsConsumer;
import org.circc.platform.messaging.IntegrationEventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

@Configuration
public class NotificationConfiguration {

    @Bean
    StakeholderDirectory stakeholderDirectory(DirectoryProperties properties) {
        return new StakeholderDirectory(properties.toStakeholders());
    }

    /** Bound to {@code circc.escalation-events} as consumer group {@code notification} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> escalationEvents(IntegrationEventConsumers consumers, CommandGateway commandGateway,
                                               StakeholderDirectory directory) {
        return consumers.transactional("notification.escalation-events",
                new EscalationEventsConsumer(commandGateway, directory));
    }
}
