-- Online consultations (在线问诊): a patient asks a doctor or a department pool; the conversation is a stream of
-- messages numbered per consultation, so a client that reconnects fetches everything after the last number it has.

-- Per-organization consultation rules.
CREATE TABLE consultation_settings (
  org_id uuid PRIMARY KEY REFERENCES orgs(id),
  -- Days after closing in which the patient may still ask follow-up questions (and the doctor keeps access).
  follow_up_days integer NOT NULL DEFAULT 7 CHECK (follow_up_days BETWEEN 0 AND 90),
  -- Hours a request waits for a doctor before it expires.
  request_expiry_hours integer NOT NULL DEFAULT 48 CHECK (request_expiry_hours BETWEEN 1 AND 720),
  updated_by uuid REFERENCES accounts(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE consultations (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  requested_by uuid NOT NULL REFERENCES accounts(id),
  -- Addressed to one doctor, or to a department's pool (then the doctor is whoever accepts).
  doctor_account_id uuid REFERENCES accounts(id),
  department_id uuid REFERENCES departments(id),
  status text NOT NULL CHECK (status IN ('requested', 'accepted', 'active', 'closed', 'declined', 'expired', 'cancelled')),
  chief_complaint text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  accepted_by uuid REFERENCES accounts(id),
  ended_at timestamptz,
  ended_by uuid REFERENCES accounts(id),
  end_reason text,
  -- Follow-up questions are taken until then; the doctor's care relationship lasts as long.
  follow_up_until timestamptz,
  -- The doctor's care relationship to the patient: 'infinity' while open, follow_up_until once closed.
  care_until timestamptz,
  -- The closing summary, which also becomes an encounter in the record.
  diagnoses jsonb,
  advice text,
  follow_up_interval_days integer,
  encounter_id uuid REFERENCES encounters(id),
  rating_stars smallint CHECK (rating_stars BETWEEN 1 AND 5),
  rating_comment text,
  rated_at timestamptz,
  last_seq bigint NOT NULL DEFAULT 0,
  last_message_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK (doctor_account_id IS NOT NULL OR department_id IS NOT NULL)
);
CREATE INDEX consultations_patient ON consultations (patient_id, created_at DESC);
CREATE INDEX consultations_doctor ON consultations (doctor_account_id, status, created_at DESC);
CREATE INDEX consultations_waiting ON consultations (org_id, department_id, created_at) WHERE status = 'requested';
CREATE INDEX consultations_expiring ON consultations (expires_at) WHERE status = 'requested';
CREATE INDEX consultations_rated ON consultations (doctor_account_id, rated_at DESC) WHERE rated_at IS NOT NULL;

-- Who takes part: the patient side (the patient or a proxy), the doctor, and guests invited to a call. Receipts are
-- per participant: everything up to last_delivered_seq reached one of their devices, up to last_read_seq was read.
CREATE TABLE consultation_participants (
  consultation_id uuid NOT NULL REFERENCES consultations(id),
  account_id uuid NOT NULL REFERENCES accounts(id),
  role text NOT NULL CHECK (role IN ('patient', 'doctor', 'guest')),
  added_by uuid REFERENCES accounts(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  last_delivered_seq bigint NOT NULL DEFAULT 0,
  last_read_seq bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (consultation_id, account_id)
);
CREATE INDEX consultation_participants_account ON consultation_participants (account_id) WHERE removed_at IS NULL;

-- Files sent in a consultation (images, voice notes, documents), stored encrypted; served through an access-checked route.
CREATE TABLE consultation_attachments (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  consultation_id uuid NOT NULL REFERENCES consultations(id),
  uploaded_by uuid NOT NULL REFERENCES accounts(id),
  kind text NOT NULL CHECK (kind IN ('image', 'voice', 'file')),
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  file_name text,
  duration_ms integer,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consultation_attachments_consultation ON consultation_attachments (consultation_id);

-- The conversation, numbered per consultation (seq). client_id is the sender's own id for the message, so a resend
-- after a lost acknowledgement finds the stored message instead of storing it twice. Events (accepted, closed, call
-- started/ended) are messages of kind 'event' so the history reads in one order.
CREATE TABLE consultation_messages (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  consultation_id uuid NOT NULL REFERENCES consultations(id),
  seq bigint NOT NULL,
  client_id text,
  sender_account_id uuid REFERENCES accounts(id),
  sender_role text NOT NULL CHECK (sender_role IN ('patient', 'doctor', 'guest', 'system')),
  kind text NOT NULL CHECK (kind IN ('text', 'image', 'voice', 'file', 'event')),
  body text,
  attachment_id uuid REFERENCES consultation_attachments(id),
  event jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (consultation_id, seq)
);
CREATE UNIQUE INDEX consultation_messages_client ON consultation_messages (consultation_id, sender_account_id, client_id)
  WHERE client_id IS NOT NULL;

-- Doctors' quick replies: their own (account_id set) and the organization's shared templates (account_id null).
CREATE TABLE consultation_quick_replies (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  account_id uuid REFERENCES accounts(id),
  title text NOT NULL,
  body text NOT NULL,
  sort integer NOT NULL DEFAULT 0,
  created_by uuid NOT NULL REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);
CREATE INDEX consultation_quick_replies_owner ON consultation_quick_replies (org_id, account_id) WHERE deleted_at IS NULL;

-- Encounters from a consultation keep their coded diagnoses.
ALTER TABLE encounters ADD COLUMN diagnoses jsonb;

-- Calls (video or voice) within a consultation; signaling goes over the realtime channel, the media peer to peer.
CREATE TABLE consultation_calls (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  consultation_id uuid NOT NULL REFERENCES consultations(id),
  media text NOT NULL CHECK (media IN ('video', 'audio')),
  started_by uuid NOT NULL REFERENCES accounts(id),
  started_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  ended_at timestamptz,
  end_reason text CHECK (end_reason IN ('hangup', 'declined', 'missed', 'failed')),
  -- Accounts in the call now (a third party may join and leave).
  in_call uuid[] NOT NULL DEFAULT '{}'
);
CREATE INDEX consultation_calls_open ON consultation_calls (consultation_id) WHERE ended_at IS NULL;
