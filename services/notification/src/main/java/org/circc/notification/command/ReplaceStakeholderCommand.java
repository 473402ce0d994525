package org.circc.notification.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.events.Actor;

import java.util.Map;

/** Replace a stakeholder's record; a webhook without a new secret keeps the one stored for its URL. */
public record ReplaceStakeholderCommand(@TargetAggregateIdentifier String stakeholderId, Stakeholder stakeholder,
                                        Map<String, String> webhookSecrets, Actor actor) {

    public ReplaceStakeholderCommand {
        webhookSecrets = Map.copyOf(webhookSecrets);
    }
}
