package org.circc.contracts.events;

/** What a stakeholder is: it decides, with its clearance, which TLP details it may receive. */
public enum StakeholderKind { person, team, organisation }
