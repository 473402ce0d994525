package org.circc.platform.messaging;

import org.circc.contracts.events.IntegrationEvent;

/** An integration event as a consumer sees it: the payload and the CloudEvents attributes it came with. */
public record ReceivedIntegrationEvent(String id, String type, String source, String subject, IntegrationEvent payload) {
}
