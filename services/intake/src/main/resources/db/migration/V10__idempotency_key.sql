-- api.md "Idempotency-Key": scoped to the caller's organisation, kept at least 24 hours (rows are never deleted yet).
-- Inserted with ON CONFLICT DO NOTHING in the transaction that stores the incident's first event, so concurrent
-- duplicates create one incident: the loser waits for the winner's commit and then reads its row.
CREATE TABLE idempotency_key (
    organisation    VARCHAR(255) NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    body_sha256     CHAR(64)     NOT NULL,
    incident_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (organisation, idempotency_key)
);
