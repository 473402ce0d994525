package org.circc.platform.messaging;

import java.nio.charset.StandardCharsets;

/** CloudEvents 1.0 attributes in the Kafka protocol binding's binary mode: {@code ce_}-prefixed record headers. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";

    private CloudEventHeaders() {
    }

    /** Header values arrive as bytes or strings depending on the header mapper; both mean the same text. */
    static String text(Object headerValue) {
        if (headerValue == null) {
            return null;
        }
        if (headerValue instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return headerValue.toString();
    }
}
