package org.circc.contracts.events;

/** One input of a triage score and what it contributed, so a coordinator can see why a severity was chosen. */
public record SeverityFactor(String factor, String value, double contribution) {
}
