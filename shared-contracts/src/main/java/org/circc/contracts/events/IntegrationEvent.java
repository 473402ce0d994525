package org.circc.contracts.events;

import java.time.Instant;

/**
 * An event one service publishes for the others. Published on Kafka with CloudEvents attributes:
 * {@code id} the stable id of the domain event it comes from, {@code type} from {@link IntegrationEventCatalogue},
 * {@code subject} and record key {@link #subject()}.
 */
public interface IntegrationEvent {

    /** The id of the aggregate the event comes from: the record key, so each aggregate's events stay in order. */
    String subject();

    Instant occurredAt();
}
