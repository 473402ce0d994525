package org.circc.notification.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.events.Actor;

import java.util.Map;

/**
 * Add {@code stakeholder} to the directory with the secrets of its webhooks by URL. {@code seeding}: a seeded
 * stakeholder is registered once; when the id was ever registered, seeding it again does nothing.
 */
public record RegisterStakeholderCommand(@TargetAggregateIdentifier String stakeholderId, Stakeholder stakeholder,
                                         Map<String, String> webhookSecrets, boolean seeding, Actor actor) {

    public RegisterStakeholderCommand {
        webhookSecrets = Map.copyOf(webhookSecrets);
    }
}
