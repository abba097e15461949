-- The check-in desk finds a patient by the last 4 digits of their phone; this keeps that search an index scan.
CREATE INDEX patients_phone_last4 ON patients (org_id, phone_last4) WHERE deleted_at IS NULL;
