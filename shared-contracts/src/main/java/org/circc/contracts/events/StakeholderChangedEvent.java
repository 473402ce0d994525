package org.circc.contracts.events;

import java.time.Instant;

/** v1 — a stakeholder's record was replaced; {@code stakeholder} is the whole new state. */
public record StakeholderChangedEvent(StakeholderSnapshot stakeholder, Actor actor, Instant occurredAt)
        implements IntegrationEvent {

    @Override
    public String subject() {
        return stakeholder.stakeholderId();
    }
}
