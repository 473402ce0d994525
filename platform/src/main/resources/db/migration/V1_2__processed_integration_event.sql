-- Inbox of consumed integration events: a consumer records an event id in the same transaction as its effect,
-- so a redelivered record (at-least-once) has no second effect.
CREATE TABLE processed_integration_event (
    consumer     VARCHAR(100)             NOT NULL,
    event_id     VARCHAR(255)             NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
