package org.circc.escalation.command;

import org.circc.contracts.events.Actor;

import java.time.Instant;

/** Stored when a policy version was saved: new escalations use it, running ones keep the version they started with. */
public record EscalationPolicySavedEvent(EscalationPolicy policy, Actor actor, Instant savedAt) {
}
