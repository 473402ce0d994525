package org.circc.contracts.events;

import java.time.Instant;

/** v1 — a stakeholder left the directory. */
public record StakeholderRemovedEvent(String stakeholderId, Actor actor, Instant occurredAt) implements IntegrationEvent {

    @Override
    public String subject() {
        return stakeholderId;
    }
}
