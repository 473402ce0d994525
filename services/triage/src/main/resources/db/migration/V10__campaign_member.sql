-- Which campaign each incident is in and whether it is still open (not resolved, closed or withdrawn): the
-- read model behind the campaign metrics. A status may arrive before the triage, hence the nullable campaign.
CREATE TABLE campaign_member (
    incident_id uuid PRIMARY KEY,
    campaign_id uuid,
    closed      boolean NOT NULL DEFAULT false
);

CREATE INDEX campaign_member_campaign ON campaign_member (campaign_id);
