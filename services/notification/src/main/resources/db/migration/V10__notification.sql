-- the directory: one row per present stakeholder, kept by a subscribing processor in the command's transaction
CREATE TABLE stakeholder (
    stakeholder_id TEXT PRIMARY KEY,
    principal      TEXT,
    document       JSONB NOT NULL
);
CREATE INDEX stakeholder_principal ON stakeholder (principal);

-- webhook secrets, never in an event: written by the directory's command handlers
CREATE TABLE webhook_secret (
    stakeholder_id TEXT NOT NULL,
    url            TEXT NOT NULL,
    secret         TEXT NOT NULL,
    PRIMARY KEY (stakeholder_id, url)
);

-- the latest version of each escalation policy and whom it targets
CREATE TABLE policy_target (
    policy_id TEXT PRIMARY KEY,
    version   BIGINT NOT NULL,
    targets   TEXT[] NOT NULL
);

-- what a notice may carry about an incident, from intake's events
CREATE TABLE incident_details (
    incident_id  TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    description  TEXT,
    category     TEXT NOT NULL,
    sector       TEXT NOT NULL,
    tlp          TEXT NOT NULL,
    reporter_org TEXT NOT NULL,
    observables  JSONB NOT NULL
);

-- a campaign's sectors (triage) and whether its escalation runs, at which level (escalation)
CREATE TABLE campaign_state (
    campaign_id       TEXT PRIMARY KEY,
    sectors           TEXT[] NOT NULL DEFAULT '{}',
    tlp               TEXT,
    escalation_active BOOLEAN NOT NULL DEFAULT FALSE,
    level             INT NOT NULL DEFAULT 0,
    -- escalated before its sectors were known: the subscribers are told with the first level raised
    subscribers_pending BOOLEAN NOT NULL DEFAULT FALSE
);

-- storm suppression: one open window per stakeholder, campaign (or lone incident) and level
CREATE TABLE suppression_window (
    stakeholder_id TEXT NOT NULL,
    scope_id       TEXT NOT NULL,
    level          INT NOT NULL,
    opened_at      TIMESTAMPTZ NOT NULL,
    closes_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (stakeholder_id, scope_id, level)
);
CREATE INDEX suppression_window_closes ON suppression_window (closes_at);

-- what a window held back, for its digest: a row each, so a storm appends instead of rewriting
CREATE TABLE suppressed_notice (
    stakeholder_id TEXT NOT NULL,
    scope_id       TEXT NOT NULL,
    level          INT NOT NULL,
    seq            BIGSERIAL NOT NULL,
    notice         JSONB NOT NULL,
    PRIMARY KEY (stakeholder_id, scope_id, level, seq)
);

-- the deliveries view of api.md
CREATE TABLE delivery (
    delivery_id    TEXT PRIMARY KEY,
    stakeholder_id TEXT NOT NULL,
    channel        TEXT NOT NULL,
    incident_id    TEXT NOT NULL,
    campaign_id    TEXT,
    level          INT NOT NULL,
    event_type     TEXT NOT NULL,
    redacted       BOOLEAN NOT NULL,
    state          TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    delivered_at   TIMESTAMPTZ
);
CREATE INDEX delivery_incident ON delivery (incident_id, created_at DESC);
CREATE INDEX delivery_stakeholder ON delivery (stakeholder_id, created_at DESC);
CREATE INDEX delivery_created ON delivery (created_at DESC);

CREATE TABLE delivery_attempt (
    delivery_id TEXT NOT NULL,
    attempt     INT NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    outcome     TEXT NOT NULL,
    status      INT,
    error       TEXT,
    duration_ms BIGINT NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
