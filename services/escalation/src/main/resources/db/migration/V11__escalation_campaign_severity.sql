-- The severity and label triage last announced for each campaign: what a surviving campaign without a chain of
-- its own brings to the chain it adopts in a merge.
ALTER TABLE escalation_campaign ADD COLUMN severity SMALLINT;
ALTER TABLE escalation_campaign ADD COLUMN tlp VARCHAR(20);
