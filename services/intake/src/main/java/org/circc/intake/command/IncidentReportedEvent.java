package org.circc.intake.command;

import org.circc.contracts.IncidentId;
import org.circc.contracts.events.Actor;

import java.time.Instant;

/** Stored when intake accepts a report: the start of every incident's history. */
public record IncidentReportedEvent(IncidentId incidentId, IncidentReport report, Actor reporter, Instant reportedAt) {
}
