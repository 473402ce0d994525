package org.circc.platform.messaging;

/** What a service does with one integration event. Throwing makes the binder retry, then dead-letter it. */
@FunctionalInterface
public interface IntegrationEventHandler {

    void handle(ReceivedIntegrationEvent event);
}
