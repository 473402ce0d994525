package org.circc.escalation.web;

/** {@code POST /api/v1/incidents/{id}/acknowledge}: an optional note. */
public record AcknowledgeRequest(String note) {
}
