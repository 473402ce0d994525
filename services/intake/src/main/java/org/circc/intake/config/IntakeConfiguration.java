package org.circc.intake.config;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.intake.command.NeedToKnow;
import org.circc.intake.messaging.DirectoryEventsConsumer;
import org.circc.intake.messaging.LifecycleMetrics;
import org.circc.intake.messaging.StatusEventsConsumer;
import org.circc.intake.query.CampaignChains;
import org.circc.intake.query.EscalationNeedToKnow;
import org.circc.intake.query.StakeholderDirectory;
import org.circc.intake.web.IdempotentSubmissions;
import org.circc.intake.web.IncidentReportValidator;
import org.circc.intake.web.ReportMetrics;
import org.circc.platform.messaging.IntegrationEventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.function.Consumer;

@Configuration
public class IntakeConfiguration {

    @Bean
    IncidentReportValidator incidentReportValidator(Clock clock) {
        return new IncidentReportValidator(clock);
    }

    @Bean
    ReportMetrics reportMetrics(MeterRegistry registry) {
        return new ReportMetrics(registry);
    }

    @Bean
    LifecycleMetrics lifecycleMetrics(MeterRegistry registry) {
        return new LifecycleMetrics(registry);
    }

    @Bean
    IdempotentSubmissions idempotentSubmissions(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                                CommandGateway commandGateway, Clock clock) {
        return new IdempotentSubmissions(jdbc, new TransactionTemplate(transactionManager), commandGateway, clock);
    }

    /** Forgets idempotency keys older than {@link IdempotentSubmissions#RETENTION}, hourly (db-scheduler: one node runs it). */
    @Bean
    RecurringTask<Void> idempotencyKeyPurge(IdempotentSubmissions submissions, Clock clock) {
        return Tasks.recurring("intake-idempotency-key-purge", FixedDelay.ofHours(1))
                .execute((instance, context) ->
                        submissions.purgeClaimedBefore(clock.instant().minus(IdempotentSubmissions.RETENTION)));
    }

    @Bean
    StatusEventsConsumer statusEventsConsumer(CommandGateway commandGateway, JdbcTemplate jdbc) {
        return new StatusEventsConsumer(commandGateway, new CampaignChains(jdbc));
    }

    /** Bound to {@code circc.triage-events} as consumer group {@code intake} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> triageEvents(IntegrationEventConsumers consumers, StatusEventsConsumer statusEvents) {
        return consumers.transactional("intake.triage-events", statusEvents);
    }

    @Bean
    NeedToKnow needToKnow(JdbcTemplate jdbc) {
        return new EscalationNeedToKnow(jdbc);
    }

    /** Bound to {@code circc.directory-events} as consumer group {@code intake} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> directoryEvents(IntegrationEventConsumers consumers, JdbcTemplate jdbc) {
        return consumers.transactional("intake.directory-events",
                new DirectoryEventsConsumer(new StakeholderDirectory(jdbc)));
    }

    /** Bound to {@code circc.escalation-events} as consumer group {@code intake} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> escalationEvents(IntegrationEventConsumers consumers, StatusEventsConsumer statusEvents) {
        return consumers.transactional("intake.escalation-events", statusEvents);
    }
}
