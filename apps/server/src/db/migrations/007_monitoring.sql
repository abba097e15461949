-- Remote monitoring (远程监测): home devices and their tokens, readings (stored as observations), each patient's
-- monitoring plan and rule overrides, alerts with their history, and an organization's escalation settings.

-- A reading's context (glucose: fasting, after a meal, CGM) and the end of a reading that covers a period
-- (steps, sleep). Nullable columns: adding them rewrites nothing.
ALTER TABLE observations ADD COLUMN context text;
ALTER TABLE observations ADD COLUMN end_at timestamptz;

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  kind text NOT NULL CHECK (kind IN ('bp-monitor', 'glucose-meter', 'cgm', 'scale', 'watch', 'pulse-oximeter',
                                     'thermometer', 'other')),
  model text NOT NULL,
  serial text NOT NULL,
  label text,
  -- SHA-256 of the device token; the token itself is shown once when registered or rotated.
  token_hash text NOT NULL UNIQUE,
  token_hint text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  last_seen_at timestamptz,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX devices_serial ON devices (org_id, kind, serial) WHERE status = 'active';
CREATE INDEX devices_patient ON devices (patient_id, created_at DESC);

CREATE TABLE monitoring_plans (
  patient_id uuid PRIMARY KEY REFERENCES patients(id),
  org_id uuid NOT NULL REFERENCES orgs(id),
  metrics text[] NOT NULL,
  reminders jsonb NOT NULL DEFAULT '[]',
  glucose_targets text NOT NULL DEFAULT 'standard' CHECK (glucose_targets IN ('standard', 'older-high-risk')),
  note text,
  started_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES accounts(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX monitoring_plans_org ON monitoring_plans (org_id);

-- A doctor's change to one default rule for one patient (limits, severity, or switched off), with the reason.
CREATE TABLE monitoring_rule_overrides (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  rule_key text NOT NULL,
  patch jsonb NOT NULL,
  reason text NOT NULL,
  set_by uuid NOT NULL REFERENCES accounts(id),
  set_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (patient_id, rule_key)
);

CREATE TABLE monitoring_settings (
  org_id uuid PRIMARY KEY REFERENCES orgs(id),
  escalate_after_minutes integer NOT NULL DEFAULT 15 CHECK (escalate_after_minutes BETWEEN 1 AND 1440),
  on_call_account_id uuid REFERENCES accounts(id),
  updated_by uuid REFERENCES accounts(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE alerts (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  rule_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('threshold', 'consecutive', 'trend', 'rate-of-change', 'missing-data')),
  metric text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('info', 'warning', 'urgent')),
  -- Rule key + the episode's first reading: later readings of the same episode fold into the open alert.
  episode_key text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
  message_zh text NOT NULL,
  message_en text NOT NULL,
  advice_zh text,
  advice_en text,
  -- Observation ids of the readings behind the alert (observations are partitioned: no foreign key).
  reading_ids uuid[] NOT NULL DEFAULT '{}',
  reading_count integer NOT NULL DEFAULT 0,
  first_reading_at timestamptz,
  last_reading_at timestamptz,
  received_at timestamptz NOT NULL DEFAULT now(),
  assigned_to uuid REFERENCES accounts(id),
  escalation_level integer NOT NULL DEFAULT 0,
  escalate_at timestamptz,
  acknowledged_at timestamptz,
  acknowledged_by uuid REFERENCES accounts(id),
  resolved_at timestamptz,
  resolved_by uuid REFERENCES accounts(id),
  resolution_note text,
  resolution_action text CHECK (resolution_action IN ('message-patient', 'adjust-plan', 'book-visit', 'no-action',
                                                      'readings-resumed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX alerts_open_episode ON alerts (patient_id, episode_key) WHERE status <> 'resolved';
CREATE INDEX alerts_org_active ON alerts (org_id, created_at DESC) WHERE status <> 'resolved';
CREATE INDEX alerts_patient ON alerts (patient_id, created_at DESC);
CREATE INDEX alerts_assignee ON alerts (assigned_to, created_at DESC) WHERE status <> 'resolved';
CREATE INDEX alerts_escalate ON alerts (escalate_at) WHERE status = 'open' AND escalate_at IS NOT NULL;

CREATE TABLE alert_events (
  id uuid PRIMARY KEY,
  alert_id uuid NOT NULL REFERENCES alerts(id),
  org_id uuid NOT NULL REFERENCES orgs(id),
  kind text NOT NULL CHECK (kind IN ('created', 'folded', 'assigned', 'escalated', 'acknowledged', 'resolved',
                                     'patient-notified')),
  actor_id uuid REFERENCES accounts(id),
  detail text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alert_events_alert ON alert_events (alert_id, at);

-- Per patient: when each type of reading last came in and the last 14 days' BP and glucose control, kept up to
-- date by ingest so the population board sorts thousands of patients without scanning their readings.
CREATE TABLE monitoring_status (
  patient_id uuid PRIMARY KEY REFERENCES patients(id),
  org_id uuid NOT NULL REFERENCES orgs(id),
  last_reading_at timestamptz,
  last_by_type jsonb NOT NULL DEFAULT '{}',
  bp_readings integer NOT NULL DEFAULT 0,
  bp_systolic_mean double precision,
  bp_diastolic_mean double precision,
  bp_in_target_percent double precision,
  glucose_readings integer NOT NULL DEFAULT 0,
  glucose_mean double precision,
  glucose_in_range_percent double precision,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_status_org ON monitoring_status (org_id);

-- Large uploads (Apple Health export.xml, hundreds of MB) arrive in parts and are read by a job.
CREATE TABLE monitoring_imports (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  kind text NOT NULL CHECK (kind IN ('apple-health')),
  file_name text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes > 0),
  part_size integer NOT NULL,
  parts_received integer[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'uploading' CHECK (status IN ('uploading', 'queued', 'running', 'done', 'failed')),
  bytes_processed bigint NOT NULL DEFAULT 0,
  stored integer NOT NULL DEFAULT 0,
  duplicates integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  problems jsonb NOT NULL DEFAULT '[]',
  by_type jsonb NOT NULL DEFAULT '{}',
  error text,
  created_by uuid NOT NULL REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX monitoring_imports_patient ON monitoring_imports (patient_id, created_at DESC);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('follow_up_task', 'critical_value', 'task_assigned', 'report_ready', 'monitoring_alert',
                  'measurement_reminder'));
