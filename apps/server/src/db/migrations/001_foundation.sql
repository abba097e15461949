-- Foundation: organizations, accounts, sessions, patients, access relationships, audit.
-- Every row of patient data carries org_id (the future distribution key) and every query filters by it.

CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE orgs (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE departments (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  code text NOT NULL,
  name_zh text NOT NULL,
  name_en text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, code)
);

CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('patient', 'staff')),
  display_name text NOT NULL,
  email text UNIQUE,
  phone_enc text,
  phone_bidx text UNIQUE,
  password_hash text,
  locale text CHECK (locale IN ('zh-CN', 'en-US')),
  elder_mode boolean NOT NULL DEFAULT false,
  is_platform_admin boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  mfa_secret_enc text,
  mfa_pending_secret_enc text,
  mfa_enabled boolean NOT NULL DEFAULT false,
  mfa_exempt boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (email IS NOT NULL OR phone_bidx IS NOT NULL)
);

CREATE TABLE memberships (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  account_id uuid NOT NULL REFERENCES accounts(id),
  roles text[] NOT NULL,
  department_id uuid REFERENCES departments(id),
  title text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, account_id)
);
CREATE INDEX memberships_account ON memberships (account_id);

CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  csrf_token text NOT NULL,
  account_id uuid NOT NULL REFERENCES accounts(id),
  org_id uuid REFERENCES orgs(id),
  mfa_state text NOT NULL CHECK (mfa_state IN ('ok', 'required', 'enrolment_required')),
  user_agent text,
  ip text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE INDEX sessions_account ON sessions (account_id) WHERE revoked_at IS NULL;

CREATE TABLE mfa_recovery_codes (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts(id),
  code_hash text NOT NULL,
  used_at timestamptz
);
CREATE INDEX mfa_recovery_codes_account ON mfa_recovery_codes (account_id);

CREATE TABLE one_time_codes (
  id uuid PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('sms_login', 'register', 'password_reset')),
  target_bidx text NOT NULL,
  code_hash text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX one_time_codes_target ON one_time_codes (purpose, target_bidx, created_at DESC);

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  account_id uuid NOT NULL REFERENCES accounts(id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  email text NOT NULL,
  name text NOT NULL,
  roles text[] NOT NULL,
  department_id uuid REFERENCES departments(id),
  title text,
  token_hash text NOT NULL UNIQUE,
  invited_by uuid NOT NULL REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz
);

CREATE SEQUENCE patient_mrn_seq START 100001;

CREATE TABLE patients (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  mrn text NOT NULL,
  name text NOT NULL,
  name_search text NOT NULL,
  sex text NOT NULL CHECK (sex IN ('male', 'female', 'other', 'unknown')),
  birth_date date NOT NULL,
  national_id_enc text,
  national_id_bidx text,
  phone_enc text,
  phone_bidx text,
  phone_last4 text,
  address_enc text,
  emergency_contact_enc text,
  insurance jsonb,
  created_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  deleted_at timestamptz,
  UNIQUE (org_id, mrn)
);
CREATE UNIQUE INDEX patients_national_id ON patients (org_id, national_id_bidx) WHERE national_id_bidx IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX patients_phone ON patients (org_id, phone_bidx);
CREATE INDEX patients_name ON patients (org_id, name_search text_pattern_ops);

-- An account's own profiles: itself and the family members (就诊人) it manages.
CREATE TABLE patient_links (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  account_id uuid NOT NULL REFERENCES accounts(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  relationship text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE UNIQUE INDEX patient_links_active ON patient_links (account_id, patient_id) WHERE removed_at IS NULL;
CREATE INDEX patient_links_patient ON patient_links (patient_id) WHERE removed_at IS NULL;

-- A patient lets another person act for them, within scopes and until a date.
CREATE TABLE proxy_grants (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  grantee_account_id uuid NOT NULL REFERENCES accounts(id),
  scopes text[] NOT NULL,
  expires_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX proxy_grants_grantee ON proxy_grants (grantee_account_id, patient_id) WHERE revoked_at IS NULL;

CREATE TABLE care_team (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  staff_account_id uuid NOT NULL REFERENCES accounts(id),
  role text NOT NULL,
  added_by uuid REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz
);
CREATE UNIQUE INDEX care_team_active ON care_team (patient_id, staff_account_id) WHERE removed_at IS NULL;
CREATE INDEX care_team_staff ON care_team (staff_account_id, org_id) WHERE removed_at IS NULL;

CREATE TABLE break_glass (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  staff_account_id uuid NOT NULL REFERENCES accounts(id),
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX break_glass_active ON break_glass (staff_account_id, patient_id, expires_at);
CREATE INDEX break_glass_org ON break_glass (org_id, created_at DESC);

CREATE TABLE idempotency_keys (
  key text NOT NULL,
  account_id uuid NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  status integer NOT NULL,
  body jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, key)
);

-- Audit: insert-only entries; a background sealer chains them into blocks by transaction horizon.
CREATE TABLE audit_events (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  org_id uuid,
  at timestamptz NOT NULL DEFAULT now(),
  actor_account_id uuid,
  actor_kind text,
  action text NOT NULL,
  patient_id uuid,
  resource_type text NOT NULL,
  resource_id text,
  reason text,
  request_id text,
  ip text,
  detail jsonb
);
CREATE INDEX audit_events_xid ON audit_events (xid, seq);
CREATE INDEX audit_events_org_at ON audit_events (org_id, at DESC);
CREATE INDEX audit_events_patient ON audit_events (patient_id, at DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_events_actor ON audit_events (actor_account_id, at DESC);

CREATE TABLE audit_blocks (
  block_no bigint PRIMARY KEY,
  xid_from xid8 NOT NULL,
  xid_to xid8 NOT NULL,
  entry_count integer NOT NULL,
  first_seq bigint,
  last_seq bigint,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  sealed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit records are insert-only (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_insert_only BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_blocks_insert_only BEFORE UPDATE OR DELETE ON audit_blocks FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_blocks_no_truncate BEFORE TRUNCATE ON audit_blocks FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Messages handed to the SMS / email adapters; the development transport keeps them here so tests can read them.
CREATE TABLE outbound_messages (
  id uuid PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient_bidx text NOT NULL,
  recipient_hint text,
  template text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
