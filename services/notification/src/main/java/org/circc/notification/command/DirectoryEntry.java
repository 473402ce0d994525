package org.circc.notification.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One stakeholder id of the directory, through registrations, replacements and removal. A removed id may be
 * registered again (its history stays), but a seeded one is registered only once, ever.
 */
@Aggregate
public class DirectoryEntry {

    @AggregateIdentifier
    private String stakeholderId;
    private boolean present;

    protected DirectoryEntry() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterStakeholderCommand command, WebhookSecrets secrets, Clock clock) {
        if (stakeholderId != null && (command.seeding() || present)) {
            if (command.seeding()) {
                return;
            }
            throw new DirectoryRuleViolation(DirectoryRuleViolation.Kind.ALREADY_EXISTS, "id",
                    "stakeholder " + command.stakeholderId() + " already exists");
        }
        requireSecrets(command.stakeholder(), command.webhookSecrets());
        secrets.replace(command.stakeholderId(), command.webhookSecrets());
        apply(new StakeholderRegisteredEvent(command.stakeholder(), command.actor(), clock.instant()));
    }

    @CommandHandler
    void handle(ReplaceStakeholderCommand command, WebhookSecrets secrets, Clock clock) {
        requirePresent();
        Map<String, String> merged = new HashMap<>();
        Map<String, String> stored = secrets.of(stakeholderId);
        for (String url : command.stakeholder().webhookUrls()) {
            String secret = command.webhookSecrets().getOrDefault(url, stored.get(url));
            if (secret != null) {
                merged.put(url, secret);
            }
        }
        requireSecrets(command.stakeholder(), merged);
        secrets.replace(stakeholderId, merged);
        apply(new StakeholderChangedEvent(command.stakeholder(), command.actor(), clock.instant()));
    }

    @CommandHandler
    void handle(RemoveStakeholderCommand command, PolicyTargets policyTargets, WebhookSecrets secrets, Clock clock) {
        requirePresent();
        if (policyTargets.isTargeted(stakeholderId)) {
            throw new DirectoryRuleViolation(DirectoryRuleViolation.Kind.STILL_TARGETED, null,
                    "an escalation policy targets stakeholder " + stakeholderId + "; change the policy first");
        }
        secrets.replace(stakeholderId, Map.of());
        apply(new StakeholderRemovedEvent(stakeholderId, command.actor(), clock.instant()));
    }

    private void requirePresent() {
        if (!present) {
            throw new DirectoryRuleViolation(DirectoryRuleViolation.Kind.UNKNOWN, null,
                    "no stakeholder " + stakeholderId);
        }
    }

    private static void requireSecrets(Stakeholder stakeholder, Map<String, String> secretsByUrl) {
        List<Stakeholder.Channel> channels = stakeholder.channels();
        for (int i = 0; i < channels.size(); i++) {
            Stakeholder.Channel channel = channels.get(i);
            if (Stakeholder.Channel.WEBHOOK.equals(channel.type()) && !secretsByUrl.containsKey(channel.address())) {
                throw new DirectoryRuleViolation(DirectoryRuleViolation.Kind.MISSING_SECRET,
                        "channels[" + i + "].secret", "a webhook needs a secret to sign its deliveries");
            }
        }
    }

    @EventSourcingHandler
    void on(StakeholderRegisteredEvent event) {
        this.stakeholderId = event.stakeholder().id();
        this.present = true;
    }

    @EventSourcingHandler
    void on(StakeholderChangedEvent event) {
        this.present = true;
    }

    @EventSourcingHandler
    void on(StakeholderRemovedEvent event) {
        this.present = false;
    }
}
