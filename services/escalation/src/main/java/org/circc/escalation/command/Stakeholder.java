package org.circc.escalation.command;

import org.circc.contracts.events.StakeholderKind;

/** A stakeholder as escalation needs it: who it is for targeting, acknowledgement and need-to-know. */
public record Stakeholder(String id, StakeholderKind kind, String organisation, String principal) {
}
