package org.circc.platform.messaging;

/**
 * CloudEvents 1.0 attributes in the Kafka protocol binding's binary mode: {@code ce_}-prefixed record headers.
 * Consumers read them back through Spring Cloud Function's {@code CloudEventMessageUtils}, which knows every
 * prefix a binder may present them with.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";

    private CloudEventHeaders() {
    }
}
