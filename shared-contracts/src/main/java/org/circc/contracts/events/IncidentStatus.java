package org.circc.contracts.events;

/** The lifecycle of an incident, NIST SP 800-61 flavoured; the allowed transitions are intake's rule. */
public enum IncidentStatus {
    REPORTED, TRIAGED, ESCALATED, ACKNOWLEDGED, CONTAINED, RESOLVED, CLOSED, WITHDRAWN
}
