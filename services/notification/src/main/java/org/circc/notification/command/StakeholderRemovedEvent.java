package org.circc.notification.command;

import org.circc.contracts.events.Actor;

import java.time.Instant;

/** Stored when a stakeholder leaves the directory. */
public record StakeholderRemovedEvent(String stakeholderId, Actor actor, Instant occurredAt) {
}
