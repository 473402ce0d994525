-- Which campaign each incident belongs to (triage's IncidentTriaged and CampaignMerged) and how far each
-- campaign's escalation chain got (escalation's events), so that members follow their campaign's chain,
-- late joiners included (api.md "Lifecycle"). Written in the consumer's inbox transaction.
CREATE TABLE campaign_member (
    incident_id UUID PRIMARY KEY,
    campaign_id UUID NOT NULL
);
CREATE INDEX campaign_member_by_campaign ON campaign_member (campaign_id);

CREATE TABLE campaign_chain (
    campaign_id        UUID PRIMARY KEY,
    stage              VARCHAR(16)  NOT NULL,  -- ESCALATED, then ACKNOWLEDGED; never back
    reason             VARCHAR(512) NOT NULL,
    actor_kind         VARCHAR(16)  NOT NULL,
    actor_id           VARCHAR(255) NOT NULL,
    actor_organisation VARCHAR(255)
);
