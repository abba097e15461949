-- The timeline reads a patient's observations newest first, keyset-paged on (effective_at, id). Observations that
-- belong to a checkup report appear in the timeline as their report, so this index holds only the others: the page
-- is a short backward index scan whatever the number of checkup items, with id in the key so the keyset condition
-- is an index condition and no sort is needed.
CREATE INDEX observations_patient_time_unreported ON observations (patient_id, effective_at DESC, id DESC)
  WHERE report_id IS NULL;

-- The same file uploaded twice for one patient is one document (the upload answers with the existing one).
CREATE UNIQUE INDEX documents_patient_sha256 ON documents (patient_id, sha256) WHERE deleted_at IS NULL;
