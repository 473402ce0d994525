package org.circc.notification.command;

import org.circc.contracts.events.Actor;

import java.time.Instant;

/** Stored when a stakeholder joins the directory; no secrets (they are in {@link WebhookSecrets}). */
public record StakeholderRegisteredEvent(Stakeholder stakeholder, Actor actor, Instant occurredAt) {
}
