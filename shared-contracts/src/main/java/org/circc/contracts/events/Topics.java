package org.circc.contracts.events;

/** Kafka topics of the integration events, one per publishing service; dead letters go to {@code <topic>.dlq}. */
public final class Topics {

    public static final String INCIDENT_EVENTS = "circc.incident-events";
    public static final String TRIAGE_EVENTS = "circc.triage-events";
    public static final String ESCALATION_EVENTS = "circc.escalation-events";
    public static final String NOTIFICATION_EVENTS = "circc.notification-events";
    public static final String DIRECTORY_EVENTS = "circc.directory-events";

    private Topics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + ".dlq";
    }
}
