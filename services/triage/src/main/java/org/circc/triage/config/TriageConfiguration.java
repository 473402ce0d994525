package org.circc.triage.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.platform.messaging.IntegrationEventConsumers;
import org.circc.triage.command.SeverityScorer;
import org.circc.triage.command.TriageWeights;
import org.circc.triage.messaging.IncidentEventsConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

@Configuration
public class TriageConfiguration {

    @Bean
    SeverityScorer severityScorer(TriageWeights weights) {
        return new SeverityScorer(weights);
    }

    /** Bound to {@code circc.incident-events} as consumer group {@code triage} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> incidentEvents(IntegrationEventConsumers consumers, CommandGateway commandGateway) {
        return consumers.transactional("triage.incident-events", new IncidentEventsConsumer(commandGateway));
    }
}
