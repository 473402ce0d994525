package org.circc.escalation.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.escalation.command.EscalationPolicies;
import org.circc.escalation.messaging.TriageEventsConsumer;
import org.circc.platform.messaging.IntegrationEventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

@Configuration
public class EscalationConfiguration {

    @Bean
    EscalationPolicies escalationPolicies(PolicyProperties properties) {
        return new EscalationPolicies(properties.toPolicies());
    }

    /** Bound to {@code circc.triage-events} as consumer group {@code escalation} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> triageEvents(IntegrationEventConsumers consumers, CommandGateway commandGateway,
                                           EscalationPolicies policies) {
        return consumers.transactional("escalation.triage-events", new TriageEventsConsumer(commandGateway, policies));
    }
}
