package org.circc.contracts.events;

import java.time.Instant;

/** v1 — a stakeholder joined the directory. */
public record StakeholderRegisteredEvent(StakeholderSnapshot stakeholder, Actor actor, Instant occurredAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return stakeholder.stakeholderId();
    }
}
