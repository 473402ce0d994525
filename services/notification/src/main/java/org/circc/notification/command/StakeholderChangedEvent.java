package org.circc.notification.command;

import org.circc.contracts.events.Actor;

import java.time.Instant;

/** Stored when a stakeholder's record is replaced: the whole new record, no secrets. */
public record StakeholderChangedEvent(Stakeholder stakeholder, Actor actor, Instant occurredAt) {
}
