package org.circc.notification.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.circc.contracts.events.Actor;

/** Remove a stakeholder from the directory; refused while a policy targets it. */
public record RemoveStakeholderCommand(@TargetAggregateIdentifier String stakeholderId, Actor actor) {
}
