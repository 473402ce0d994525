package org.circc.notification.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.circc.notification.command.RetrySchedule;
import org.circc.notification.command.SuppressionWindows;
import org.circc.notification.command.WebhookSecrets;
import org.circc.notification.messaging.DigestSender;
import org.circc.notification.messaging.EmailChannel;
import org.circc.notification.messaging.EscalationEventsConsumer;
import org.circc.notification.messaging.IncidentEventsConsumer;
import org.circc.notification.messaging.Notifier;
import org.circc.notification.messaging.StreamChannel;
import org.circc.notification.messaging.StreamHub;
import org.circc.notification.messaging.TargetGuard;
import org.circc.notification.messaging.TriageEventsConsumer;
import org.circc.notification.messaging.WebhookChannel;
import org.circc.notification.query.CampaignStates;
import org.circc.notification.query.IncidentDetailsRepository;
import org.circc.notification.query.JdbcPolicyTargets;
import org.circc.notification.query.StakeholderDirectory;
import org.circc.notification.web.StakeholderValidator;
import org.circc.platform.messaging.IntegrationEventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

@Configuration
public class NotificationConfiguration {

    @Bean
    RetrySchedule retrySchedule(NotificationProperties properties) {
        NotificationProperties.Retry retry = properties.retry();
        return new RetrySchedule(retry.initialDelay(), retry.maxDelay(), retry.giveUpAfter(),
                retry.attemptOverdueAfter(), retry.jitter(), () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    SuppressionWindows suppressionWindows(JdbcTemplate jdbc, ObjectMapper objectMapper,
                                          NotificationProperties properties) {
        return new SuppressionWindows(jdbc, objectMapper, properties.suppressionWindow());
    }

    @Bean
    TargetGuard targetGuard(NotificationProperties properties) {
        return new TargetGuard(properties.webhooks().allowPrivateTargets());
    }

    @Bean
    StakeholderValidator stakeholderValidator(TargetGuard targetGuard) {
        return new StakeholderValidator(targetGuard);
    }

    @Bean
    CircuitBreakerRegistry webhookCircuitBreakers(NotificationProperties properties, MeterRegistry meterRegistry) {
        NotificationProperties.Webhooks webhooks = properties.webhooks();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowSize(webhooks.minimumCalls())
                .minimumNumberOfCalls(webhooks.minimumCalls())
                .failureRateThreshold(webhooks.failureRateThreshold())
                .waitDurationInOpenState(webhooks.openFor())
                .build());
        Gauge.builder("circc.notification.circuit.breakers.open", registry, breakers -> breakers
                        .getAllCircuitBreakers().stream()
                        .filter(breaker -> breaker.getState() == CircuitBreaker.State.OPEN).count())
                .description("Webhook endpoints whose circuit is open")
                .register(meterRegistry);
        return registry;
    }

    @Bean
    BulkheadRegistry webhookBulkheads(NotificationProperties properties) {
        return BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.webhooks().maxConcurrentPerEndpoint())
                .build());
    }

    @Bean
    StreamHub streamHub() {
        return new StreamHub();
    }

    @Bean
    WebhookChannel webhookChannel(WebClient.Builder webClients, WebhookSecrets secrets, TargetGuard targetGuard,
                                  CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads,
                                  ObjectMapper objectMapper, Clock clock, NotificationProperties properties) {
        return new WebhookChannel(webClients.build(), secrets, targetGuard, circuitBreakers, bulkheads, objectMapper,
                clock, properties.webhooks().timeout());
    }

    /** SMTP blocks: its own bounded pool, so mail never occupies the threads of anything else. */
    @Bean(destroyMethod = "dispose")
    Scheduler smtpScheduler() {
        return Schedulers.newBoundedElastic(8, 10_000, "smtp");
    }

    @Bean
    EmailChannel emailChannel(JavaMailSender mailSender, NotificationProperties properties, Scheduler smtpScheduler) {
        return new EmailChannel(mailSender, properties.mailFrom(), smtpScheduler);
    }

    @Bean
    StreamChannel streamChannel(StreamHub hub) {
        return new StreamChannel(hub);
    }

    @Bean
    DigestSender digestSender(SuppressionWindows windows, Notifier notifier, TransactionTemplate transactionTemplate,
                              Clock clock) {
        return new DigestSender(windows, notifier, transactionTemplate, clock);
    }

    /** db-scheduler runs it on one instance at a time, in PostgreSQL: digests survive restarts. */
    @Bean
    RecurringTask<Void> digestTask(DigestSender digestSender, NotificationProperties properties) {
        return Tasks.recurring("notification-digests", FixedDelay.of(properties.digestPollInterval()))
                .execute((instance, context) -> digestSender.sendDue());
    }

    /** Bound to {@code circc.escalation-events} as consumer group {@code notification} (application.yml). */
    @Bean
    Consumer<Message<byte[]>> escalationEvents(IntegrationEventConsumers consumers, Notifier notifier,
                                               StakeholderDirectory directory, JdbcPolicyTargets policyTargets,
                                               CampaignStates campaigns, IncidentDetailsRepository incidents) {
        return consumers.transactional("notification.escalation-events",
                new EscalationEventsConsumer(notifier, directory, policyTargets, campaigns, incidents));
    }

    /** Bound to {@code circc.triage-events}. */
    @Bean
    Consumer<Message<byte[]>> triageEvents(IntegrationEventConsumers consumers, Notifier notifier,
                                           StakeholderDirectory directory, CampaignStates campaigns,
                                           IncidentDetailsRepository incidents) {
        return consumers.transactional("notification.triage-events",
                new TriageEventsConsumer(notifier, directory, campaigns, incidents));
    }

    /** Bound to {@code circc.incident-events}. */
    @Bean
    Consumer<Message<byte[]>> incidentEvents(IntegrationEventConsumers consumers, IncidentDetailsRepository incidents) {
        return consumers.transactional("notification.incident-events", new IncidentEventsConsumer(incidents));
    }
}
