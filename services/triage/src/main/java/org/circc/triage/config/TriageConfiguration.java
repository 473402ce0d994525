package org.circc.triage.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.circc.contracts.events.Topics;
import org.circc.platform.messaging.IntegrationEventConsumers;
import org.circc.platform.messaging.IntegrationEventPublisher;
import org.circc.triage.command.SeverityScorer;
import org.circc.triage.command.TriageWeights;
import org.circc.triage.messaging.IncidentEventsConsumer;
import org.circc.triage.messaging.TriageEventPublisher;
import org.circc.triage.messaging.TriageMetrics;
import org.circc.triage.query.CampaignMembers;
import org.circc.triage.query.CampaignMembersProjection;
import org.circc.triage.query.CampaignMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

@Configuration
public class TriageConfiguration {

    @Bean
    SeverityScorer severityScorer(TriageWeights weights) {
        return new SeverityScorer(weights);
    }

    /** Keeps the hot correlation aggregate in memory between commands (Axon evicts it when a command fails). */
    @Bean
    Cache campaignCorrelationCache() {
        return new AggregateCache();
    }

    /** Loading after a restart or an eviction starts from the latest snapshot, not from the first report. */
    @Bean
    SnapshotTriggerDefinition campaignCorrelationSnapshots(Snapshotter snapshotter,
                                                           @Value("${circc.triage.correlation.snapshot-every}") int events) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, events);
    }

    @Bean
    TriageMetrics triageMetrics(MeterRegistry meterRegistry, Clock clock) {
        return new TriageMetrics(meterRegistry, clock);
    }

    @Bean
    CampaignMembers campaignMembers(JdbcTemplate jdbcTemplate) {
        return new CampaignMembers(jdbcTemplate);
    }

    @Bean
    CampaignMembersProjection campaignMembersProjection(CampaignMembers campaignMembers) {
        return new CampaignMembersProjection(campaignMembers);
    }

    @Bean
    CampaignMetrics campaignMetrics(MeterRegistry meterRegistry, CampaignMembers campaignMembers) {
        return new CampaignMetrics(meterRegistry, campaignMembers);
    }

    @Bean
    TriageEventPublisher triageEventPublisher(IntegrationEventPublisher integrationEventPublisher) {
        return new TriageEventPublisher(integrationEventPublisher);
    }

    /**
     * Bound to {@code circc.incident-events} as consumer group {@code triage} (application.yml), a poll at a time:
     * one transaction per batch keeps up with a storm (docs/triage.md).
     */
    @Bean
    Consumer<Message<List<byte[]>>> incidentEvents(IntegrationEventConsumers consumers, CommandGateway commandGateway,
                                             TriageMetrics metrics, Cache campaignCorrelationCache,
                                             CampaignMembers campaignMembers) {
        return consumers.transactionalBatch("triage.incident-events", Topics.deadLetterTopicOf(Topics.INCIDENT_EVENTS),
                new IncidentEventsConsumer(commandGateway, metrics, campaignCorrelationCache, campaignMembers));
    }
}
