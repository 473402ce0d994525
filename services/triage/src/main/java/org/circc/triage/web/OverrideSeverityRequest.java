package org.circc.triage.web;

/** {@code POST /api/v1/incidents/{id}/triage}: {@code {severity: 0..5, reason}}. */
public record OverrideSeverityRequest(Integer severity, String reason) {
}
