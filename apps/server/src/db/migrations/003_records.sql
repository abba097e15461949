-- The personal health record: one continuous record per patient. Every entry keeps who recorded it (recorded_by),
-- from which source (lab, checkup, device, self-reported, clinician, import) and from which organization or centre
-- (source_org, free text because outside hospitals are not tenants here). Rows carry org_id, the tenant key.

CREATE TABLE encounters (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  kind text NOT NULL CHECK (kind IN ('outpatient', 'inpatient', 'emergency', 'checkup', 'telehealth', 'home_visit', 'other')),
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  department text,
  practitioner text,
  reason text,
  summary text,
  source text NOT NULL CHECK (source IN ('lab', 'checkup', 'device', 'self', 'clinician', 'import')),
  source_org text,
  recorded_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz
);
CREATE INDEX encounters_patient ON encounters (patient_id, started_at DESC) WHERE deleted_at IS NULL;

CREATE TABLE conditions (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  icd10 text,
  display text NOT NULL,
  clinical_status text NOT NULL CHECK (clinical_status IN ('active', 'recurrence', 'remission', 'resolved', 'inactive')),
  onset_date date,
  abated_date date,
  note text,
  source text NOT NULL CHECK (source IN ('lab', 'checkup', 'device', 'self', 'clinician', 'import')),
  source_org text,
  recorded_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz
);
CREATE INDEX conditions_patient ON conditions (patient_id) WHERE deleted_at IS NULL;

CREATE TABLE allergies (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  substance text NOT NULL,
  category text NOT NULL CHECK (category IN ('drug', 'food', 'environment', 'other')),
  reaction text,
  severity text NOT NULL CHECK (severity IN ('mild', 'moderate', 'severe', 'unknown')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'resolved')),
  noted_on date,
  note text,
  source text NOT NULL CHECK (source IN ('lab', 'checkup', 'device', 'self', 'clinician', 'import')),
  source_org text,
  recorded_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz
);
CREATE INDEX allergies_patient ON allergies (patient_id) WHERE deleted_at IS NULL;

-- The medication list the patient actually takes (prescriptions from the pharmacy module land here too).
CREATE TABLE medication_statements (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  name text NOT NULL,
  atc text,
  dose text,
  route text,
  frequency text,
  reason text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stopped', 'completed', 'on_hold')),
  started_on date,
  stopped_on date,
  note text,
  source text NOT NULL CHECK (source IN ('lab', 'checkup', 'device', 'self', 'clinician', 'import')),
  source_org text,
  recorded_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz
);
CREATE INDEX medication_statements_patient ON medication_statements (patient_id) WHERE deleted_at IS NULL;

CREATE TABLE procedures (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  name text NOT NULL,
  code text,
  kind text NOT NULL DEFAULT 'procedure' CHECK (kind IN ('surgery', 'procedure', 'imaging', 'other')),
  performed_on date,
  outcome text,
  note text,
  source text NOT NULL CHECK (source IN ('lab', 'checkup', 'device', 'self', 'clinician', 'import')),
  source_org text,
  recorded_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz
);
CREATE INDEX procedures_patient ON procedures (patient_id) WHERE deleted_at IS NULL;

CREATE TABLE family_history (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  relation text NOT NULL CHECK (relation IN ('father', 'mother', 'sibling', 'child', 'grandparent', 'other')),
  icd10 text,
  display text NOT NULL,
  onset_age integer CHECK (onset_age BETWEEN 0 AND 130),
  note text,
  source text NOT NULL CHECK (source IN ('lab', 'checkup', 'device', 'self', 'clinician', 'import')),
  source_org text,
  recorded_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz
);
CREATE INDEX family_history_patient ON family_history (patient_id) WHERE deleted_at IS NULL;

-- Lifestyle is assessed over time; the newest assessment is the current one.
CREATE TABLE lifestyle_assessments (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  assessed_at timestamptz NOT NULL,
  smoking text CHECK (smoking IN ('never', 'former', 'current')),
  cigarettes_per_day integer CHECK (cigarettes_per_day BETWEEN 0 AND 200),
  alcohol text CHECK (alcohol IN ('none', 'occasional', 'regular', 'heavy')),
  activity_minutes_per_week integer CHECK (activity_minutes_per_week BETWEEN 0 AND 10080),
  diet text,
  sleep_hours numeric(4, 1) CHECK (sleep_hours BETWEEN 0 AND 24),
  note text,
  source text NOT NULL CHECK (source IN ('lab', 'checkup', 'device', 'self', 'clinician', 'import')),
  source_org text,
  recorded_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX lifestyle_patient ON lifestyle_assessments (patient_id, assessed_at DESC) WHERE deleted_at IS NULL;

-- Observations are the big table (lab values, checkup items, device readings, self-reported readings): partitioned
-- by time, BRIN on time, B-tree on (patient, code, time). `dedupe_key` makes re-imports idempotent: the writer sets
-- it from the source (report + item) or to the row id when the row has no natural key.
CREATE TABLE observations (
  id uuid NOT NULL,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  code_system text NOT NULL CHECK (code_system IN ('loinc', 'local')),
  code text NOT NULL,
  name text NOT NULL,
  value_num double precision,
  value_text text,
  unit text,
  ref_low double precision,
  ref_high double precision,
  ref_text text,
  flag text CHECK (flag IN ('N', 'H', 'L', 'HH', 'LL', 'A')),
  effective_at timestamptz NOT NULL,
  source text NOT NULL CHECK (source IN ('lab', 'checkup', 'device', 'self', 'clinician', 'import')),
  source_org text,
  report_id uuid,
  device_id text,
  dedupe_key text NOT NULL,
  status text NOT NULL DEFAULT 'final' CHECK (status IN ('final', 'amended', 'entered_in_error')),
  note text,
  recorded_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, effective_at),
  CHECK (value_num IS NOT NULL OR value_text IS NOT NULL)
) PARTITION BY RANGE (effective_at);

CREATE TABLE observations_before_2020 PARTITION OF observations FOR VALUES FROM (MINVALUE) TO ('2020-01-01');
CREATE TABLE observations_2020 PARTITION OF observations FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE observations_2021 PARTITION OF observations FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE TABLE observations_2022 PARTITION OF observations FOR VALUES FROM ('2022-01-01') TO ('2023-01-01');
CREATE TABLE observations_2023 PARTITION OF observations FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE observations_2024 PARTITION OF observations FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE observations_2025 PARTITION OF observations FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE observations_2026 PARTITION OF observations FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE TABLE observations_2027 PARTITION OF observations FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');
CREATE TABLE observations_2028 PARTITION OF observations FOR VALUES FROM ('2028-01-01') TO ('2029-01-01');
CREATE TABLE observations_2029 PARTITION OF observations FOR VALUES FROM ('2029-01-01') TO ('2030-01-01');
CREATE TABLE observations_2030 PARTITION OF observations FOR VALUES FROM ('2030-01-01') TO ('2031-01-01');
CREATE TABLE observations_later PARTITION OF observations DEFAULT;

CREATE UNIQUE INDEX observations_dedupe ON observations (patient_id, dedupe_key, effective_at);
CREATE INDEX observations_patient_code_time ON observations (patient_id, code, effective_at DESC);
CREATE INDEX observations_patient_time ON observations (patient_id, effective_at DESC);
CREATE INDEX observations_report ON observations (report_id) WHERE report_id IS NOT NULL;
CREATE INDEX observations_time_brin ON observations USING brin (effective_at);

-- Documents (PDF reports, photos, imaging reports): metadata here, bytes in the file store (encrypted on disk or in
-- an S3-compatible bucket). sha256 lets the same file uploaded twice be recognised.
CREATE TABLE documents (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  kind text NOT NULL CHECK (kind IN ('lab_report', 'checkup_report', 'imaging', 'discharge_summary', 'prescription', 'photo', 'other')),
  title text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  document_date date,
  source text NOT NULL CHECK (source IN ('lab', 'checkup', 'device', 'self', 'clinician', 'import')),
  source_org text,
  recorded_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX documents_patient ON documents (patient_id, created_at DESC) WHERE deleted_at IS NULL;
