-- Test only (platform's own tests): the visible effect of the round-trip test's handler, written in the same
-- transaction as the inbox record, so a rolled-back delivery leaves no row here either. No key on event_id:
-- a second effect of one event would show as a second row instead of failing.
CREATE TABLE round_trip_effect (
    id       BIGSERIAL    NOT NULL PRIMARY KEY,
    consumer VARCHAR(100) NOT NULL,
    event_id VARCHAR(255) NOT NULL
);
