package org.circc.escalation.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.circc.contracts.events.Actor;
import org.circc.escalation.command.SavePolicyCommand;
import org.circc.escalation.messaging.DirectoryEventsConsumer;
import org.circc.escalation.messaging.EscalationChains;
import org.circc.escalation.messaging.EscalationMetrics;
import org.circc.escalation.messaging.IncidentEventsConsumer;
import org.circc.escalation.messaging.TriageEventsConsumer;
import org.circc.escalation.query.IncidentRegistry;
import org.circc.escalation.query.JdbcStakeholderDirectory;
import org.circc.escalation.query.PolicyRepository;
import org.circc.escalation.web.PolicyValidator;
import org.circc.platform.messaging.IntegrationEventConsumers;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

@Configuration
public class EscalationConfiguration {

    @Bean
    JdbcStakeholderDirectory stakeholderDirectory(NamedParameterJdbcTemplate jdbc) {
        return new JdbcStakeholderDirectory(jdbc);
    }

    @Bean
    IncidentRegistry incidentRegistry(NamedParameterJdbcTemplate jdbc) {
        return new IncidentRegistry(jdbc);
    }

    @Bean
    PolicyRepository policyRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper objectMapper) {
        return new PolicyRepository(jdbc, objectMapper);
    }

    @Bean
    PolicyValidator policyValidator(JdbcStakeholderDirectory directory) {
        return new PolicyValidator(directory);
    }

    @Bean
    EscalationMetrics escalationMetrics(MeterRegistry registry) {
        return new EscalationMetrics(registry);
    }

    /** Policies and metrics follow the stored events in the storing transaction: never behind, never replayed. */
    @Bean
    ConfigurerModule subscribingProjections() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(PolicyRepository.PROCESSING_GROUP)
                .registerSubscribingEventProcessor(EscalationMetrics.PROCESSING_GROUP);
    }

    @Bean
    EscalationChains escalationChains(CommandGateway commandGateway, EventStore eventStore,
                                      IncidentRegistry registry) {
        return new EscalationChains(commandGateway, eventStore, registry);
    }

    /** Saves each configured policy as version 1 unless it exists; a seed never overwrites a saved version. */
    @Bean
    ApplicationRunner seedPolicies(PolicyProperties properties, CommandGateway commandGateway) {
        return arguments -> properties.toPolicies().forEach(policy ->
                commandGateway.sendAndWait(new SavePolicyCommand(policy, Actor.system("escalation"), true)));
    }

    /** Bound to {@code circc.triage-events} as consumer group {@code escalation} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> triageEvents(IntegrationEventConsumers consumers, CommandGateway commandGateway,
                                           PolicyRepository policies, IncidentRegistry registry,
                                           EscalationChains chains) {
        return consumers.transactional("escalation.triage-events",
                new TriageEventsConsumer(commandGateway, policies, registry, chains));
    }

    /** Bound to {@code circc.incident-events} as consumer group {@code escalation} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> incidentEvents(IntegrationEventConsumers consumers, IncidentRegistry registry,
                                             EscalationChains chains) {
        return consumers.transactional("escalation.incident-events", new IncidentEventsConsumer(registry, chains));
    }

    /** Bound to {@code circc.directory-events} as consumer group {@code escalation} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> directoryEvents(IntegrationEventConsumers consumers,
                                              JdbcStakeholderDirectory directory) {
        return consumers.transactional("escalation.directory-events", new DirectoryEventsConsumer(directory));
    }
}
