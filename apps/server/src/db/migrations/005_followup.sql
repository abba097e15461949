-- Follow-up after abnormal results (检后随访): an organization's rules, the tasks they create for the care team,
-- and in-app notifications for patients and staff.

CREATE TABLE follow_up_rules (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  -- Set for an organization's copy of a built-in default, so each default is copied once.
  builtin_key text,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  code text NOT NULL,
  code_system text NOT NULL DEFAULT 'loinc' CHECK (code_system IN ('loinc', 'local')),
  unit text,
  cond_min double precision,
  cond_max double precision,
  cond_flags text[],
  kind text NOT NULL CHECK (kind IN ('retest', 'lifestyle', 'referral', 'alert')),
  priority text NOT NULL CHECK (priority IN ('routine', 'soon', 'urgent', 'critical')),
  due_in_days integer NOT NULL CHECK (due_in_days BETWEEN 0 AND 730),
  department text,
  advice_zh text NOT NULL,
  advice_en text NOT NULL,
  notify_patient boolean NOT NULL DEFAULT true,
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (cond_min IS NOT NULL OR cond_max IS NOT NULL OR cond_flags IS NOT NULL),
  UNIQUE (org_id, builtin_key)
);
CREATE INDEX follow_up_rules_org ON follow_up_rules (org_id) WHERE active;

CREATE TABLE follow_up_tasks (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  rule_id uuid REFERENCES follow_up_rules(id),
  -- The observation that fired the rule (observations are partitioned by time, so no foreign key).
  observation_id uuid,
  observation_at timestamptz,
  report_id uuid,
  title_zh text NOT NULL,
  title_en text NOT NULL,
  advice_zh text NOT NULL,
  advice_en text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('retest', 'lifestyle', 'referral', 'alert')),
  priority text NOT NULL CHECK (priority IN ('routine', 'soon', 'urgent', 'critical')),
  department text,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  due_at timestamptz NOT NULL,
  assignee_id uuid REFERENCES accounts(id),
  outcome text CHECK (outcome IN ('reached', 'retested', 'referred', 'declined', 'unreachable', 'other')),
  outcome_note text,
  completed_at timestamptz,
  completed_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
-- One task per rule and result, so evaluating the same result twice (a re-import) creates nothing new.
CREATE UNIQUE INDEX follow_up_tasks_rule_observation ON follow_up_tasks (rule_id, observation_id);
CREATE INDEX follow_up_tasks_open ON follow_up_tasks (org_id, due_at) WHERE status = 'open';
CREATE INDEX follow_up_tasks_patient ON follow_up_tasks (patient_id, created_at DESC);
CREATE INDEX follow_up_tasks_assignee ON follow_up_tasks (assignee_id, due_at) WHERE status = 'open';
CREATE INDEX follow_up_tasks_report ON follow_up_tasks (report_id) WHERE report_id IS NOT NULL;

-- In-app notifications for one account (patient or staff), stored in both languages.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  org_id uuid REFERENCES orgs(id),
  account_id uuid NOT NULL REFERENCES accounts(id),
  patient_id uuid REFERENCES patients(id),
  kind text NOT NULL CHECK (kind IN ('follow_up_task', 'critical_value', 'task_assigned', 'report_ready')),
  title_zh text NOT NULL,
  title_en text NOT NULL,
  body_zh text NOT NULL,
  body_en text NOT NULL,
  link text,
  -- Repeating the same event (a re-import) must not notify twice.
  dedupe_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  UNIQUE (account_id, dedupe_key)
);
CREATE INDEX notifications_account ON notifications (account_id, created_at DESC);
CREATE INDEX notifications_unread ON notifications (account_id) WHERE read_at IS NULL;
