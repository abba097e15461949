-- The prescription safety check matches medications typed into the record to the formulary by ATC code.
CREATE INDEX formulary_drugs_org_atc ON formulary_drugs (org_id, atc);
