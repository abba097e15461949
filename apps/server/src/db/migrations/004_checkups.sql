-- Checkups (体检): packages, imported reports, import jobs with their row problems and staged files, and each
-- organization's table mapping local item names (空腹血糖, 谷丙转氨酶) to LOINC codes.
-- The items of a report are observations (003_records.sql) with report_id = checkup_reports.id.

CREATE TABLE checkup_packages (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  code text NOT NULL,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  -- LOINC codes of the items the package includes.
  item_codes text[] NOT NULL DEFAULT '{}',
  -- In fen (CNY cents).
  price_cents integer CHECK (price_cents >= 0),
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (org_id, code)
);

CREATE TABLE checkup_import_jobs (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  created_by uuid NOT NULL REFERENCES accounts(id),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  -- [{ name, size, sha256, format }]
  files jsonb NOT NULL,
  total_reports integer NOT NULL DEFAULT 0,
  processed_reports integer NOT NULL DEFAULT 0,
  items_stored integer NOT NULL DEFAULT 0,
  items_duplicate integer NOT NULL DEFAULT 0,
  reports_created integer NOT NULL DEFAULT 0,
  reports_duplicate integer NOT NULL DEFAULT 0,
  unmapped_items integer NOT NULL DEFAULT 0,
  problem_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  -- An error code (error-codes.ts) when the whole job failed; rendered in the reader's language.
  error text
);
CREATE INDEX checkup_import_jobs_org ON checkup_import_jobs (org_id, created_at DESC);

-- Uploaded files held for the job (encrypted, like every stored upload) and deleted when it finishes.
CREATE TABLE checkup_import_files (
  job_id uuid NOT NULL REFERENCES checkup_import_jobs(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  name text NOT NULL,
  content_type text,
  bytes_enc text NOT NULL,
  PRIMARY KEY (job_id, seq)
);

CREATE TABLE checkup_import_problems (
  id uuid PRIMARY KEY,
  job_id uuid NOT NULL REFERENCES checkup_import_jobs(id) ON DELETE CASCADE,
  org_id uuid NOT NULL REFERENCES orgs(id),
  file_name text NOT NULL,
  row_no integer,
  field text,
  code text NOT NULL,
  message_en text NOT NULL,
  message_zh text NOT NULL
);
CREATE INDEX checkup_import_problems_job ON checkup_import_problems (job_id, id);

CREATE TABLE checkup_reports (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  package_id uuid REFERENCES checkup_packages(id),
  -- The package name as the source wrote it.
  package_name text,
  external_id text,
  performed_at timestamptz NOT NULL,
  center text,
  conclusion text,
  source_format text NOT NULL CHECK (source_format IN ('csv', 'xlsx', 'hl7', 'fhir', 'pdf', 'image')),
  import_job_id uuid REFERENCES checkup_import_jobs(id) ON DELETE SET NULL,
  -- sha256 of org + centre + report number, or of patient + date + item names when the source has no number:
  -- importing the same report again finds this row instead of creating a second one.
  dedupe_key text NOT NULL,
  item_count integer NOT NULL DEFAULT 0,
  abnormal_count integer NOT NULL DEFAULT 0,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, dedupe_key)
);
CREATE INDEX checkup_reports_patient ON checkup_reports (patient_id, performed_at DESC);

CREATE TABLE checkup_item_mappings (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  local_name_normalized text NOT NULL,
  local_name text NOT NULL,
  loinc text NOT NULL,
  -- The unit this local item is reported in, when the source leaves it out.
  unit text,
  created_by uuid REFERENCES accounts(id),
  updated_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (org_id, local_name_normalized)
);

-- The review list of unmapped items and the re-coding after a mapping is saved look up local-coded observations
-- of one organization by name.
CREATE INDEX observations_local_code ON observations (org_id, code) WHERE code_system = 'local';
