package org.circc.escalation.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.circc.escalation.messaging.ConflictRetry;
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
import org.springframework.beans.factory.config.BeanPostProcessor;
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

    @Bean
    ApplicationRunner seedPolicies(PolicyProperties properties, CommandGateway commandGateway) {
        return new PolicySeeding(properties, commandGateway);
    }

    /**
     * A chain's deadline that lost a race (a consumer's transaction appended to the chain first) is tried again
     * within seconds, not after db-scheduler's default of 5 minutes for one-time tasks.
     */
    @Bean
    static BeanPostProcessor deadlineRetries() {
        return new DeadlineTaskRetries();
    }

    /** Bound to {@code circc.triage-events} as consumer group {@code escalation} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> triageEvents(IntegrationEventConsumers consumers, CommandGateway commandGateway,
                                           PolicyRepository policies, IncidentRegistry registry,
                                           EscalationChains chains) {
        return ConflictRetry.around("escalation.triage-events", consumers.transactional("escalation.triage-events",
                new TriageEventsConsumer(commandGateway, policies, registry, chains)));
    }

    /** Bound to {@code circc.incident-events} as consumer group {@code escalation} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> incidentEvents(IntegrationEventConsumers consumers, IncidentRegistry registry,
                                             EscalationChains chains) {
        return ConflictRetry.around("escalation.incident-events", consumers.transactional(
                "escalation.incident-events", new IncidentEventsConsumer(registry, chains)));
    }

    /** Bound to {@code circc.directory-events} as consumer group {@code escalation} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> directoryEvents(IntegrationEventConsumers consumers,
                                              JdbcStakeholderDirectory directory) {
        return consumers.transactional("escalation.directory-events", new DirectoryEventsConsumer(directory));
    }
}
