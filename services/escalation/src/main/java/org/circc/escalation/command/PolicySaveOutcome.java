package org.circc.escalation.command;

/** What saving a policy did: api.md's PUT answers 201 for {@code CREATED}, 200 otherwise. */
public enum PolicySaveOutcome { CREATED, REPLACED, UNCHANGED }
