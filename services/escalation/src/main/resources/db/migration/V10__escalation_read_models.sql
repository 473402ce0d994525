-- Every saved version of every policy (PolicyProjection); the current one is the highest version.
CREATE TABLE escalation_policy (
    policy_id  VARCHAR(64)              NOT NULL,
    version    BIGINT                   NOT NULL,
    definition TEXT                     NOT NULL,
    saved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (policy_id, version)
);

-- The directory's stakeholders as circc.directory-events last described them: targets that exist, and the
-- principals that may acknowledge for them.
CREATE TABLE escalation_stakeholder (
    stakeholder_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    kind                    VARCHAR(20)  NOT NULL,
    organisation            VARCHAR(200) NOT NULL,
    principal               VARCHAR(200),
    subscribed              BOOLEAN      NOT NULL,
    subscribed_sectors      TEXT         NOT NULL
);

-- Campaigns seen by escalation; a row is locked while a consumer decides about the campaign's chain, and a merged
-- campaign points at the one it merged into.
CREATE TABLE escalation_campaign (
    campaign_id UUID NOT NULL PRIMARY KEY,
    merged_into UUID
);

-- What escalation knows of each incident: its campaign (triage), and what the sharing rule and the end of a chain
-- need (intake).
CREATE TABLE escalation_incident (
    incident_id  UUID        NOT NULL PRIMARY KEY,
    campaign_id  UUID,
    reporter_org VARCHAR(200),
    tlp          VARCHAR(20),
    sector       VARCHAR(64),
    status       VARCHAR(20)
);
CREATE INDEX escalation_incident_campaign ON escalation_incident (campaign_id);
