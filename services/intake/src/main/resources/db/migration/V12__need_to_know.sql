-- Who has a need to know about an incident besides its reporter and the center (product brief, TLP table):
-- the stakeholders its campaign's chain told (all levels so far; the current level's for RED), and the
-- subscribers to its sector, from the directory's events.
ALTER TABLE campaign_chain ADD COLUMN current_targets TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE campaign_chain ADD COLUMN told_targets    TEXT[] NOT NULL DEFAULT '{}';

CREATE TABLE directory_stakeholder (
    stakeholder_id     VARCHAR(64)  PRIMARY KEY,
    kind               VARCHAR(16)  NOT NULL,
    organisation       VARCHAR(255) NOT NULL,
    principal          VARCHAR(255),
    subscribed         BOOLEAN      NOT NULL,
    subscribed_sectors TEXT[]       NOT NULL
);
