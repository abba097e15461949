-- Smart triage (module `triage`): sessions a patient (or a proxy) runs, their messages, the result and what the
-- patient then did; the org's edits to the knowledge base; the org's department classifier.

CREATE TABLE triage_sessions (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  started_by uuid NOT NULL REFERENCES accounts(id),
  language text NOT NULL CHECK (language IN ('zh-CN', 'en-US')),
  status text NOT NULL CHECK (status IN ('asking', 'completed', 'not_understood')),
  -- What the engine knows so far (symptoms, age, answers asked); the next question; the latest result.
  facts jsonb NOT NULL,
  question jsonb,
  result jsonb,
  not_understood jsonb,
  urgency text CHECK (urgency IN ('emergency', 'within_24h', 'routine', 'self_care')),
  red_flags text[] NOT NULL DEFAULT '{}',
  top_department text,
  outcome_action text CHECK (outcome_action IN ('booked', 'consulted', 'called_emergency', 'self_care', 'none')),
  outcome_ref_id uuid,
  outcome_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX triage_sessions_patient ON triage_sessions (org_id, patient_id, id DESC);

CREATE TABLE triage_messages (
  session_id uuid NOT NULL REFERENCES triage_sessions(id) ON DELETE CASCADE,
  seq integer NOT NULL,
  org_id uuid NOT NULL REFERENCES orgs(id),
  role text NOT NULL CHECK (role IN ('patient', 'system')),
  kind text NOT NULL CHECK (kind IN ('text', 'question', 'answer', 'result', 'not_understood')),
  body text NOT NULL,
  question_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, seq)
);

-- An org's edits on top of the repo's knowledge base: extra synonyms, replacement department weights.
CREATE TABLE triage_symptom_overrides (
  org_id uuid NOT NULL REFERENCES orgs(id),
  symptom_id text NOT NULL,
  extra_synonyms_zh text[] NOT NULL DEFAULT '{}',
  extra_synonyms_en text[] NOT NULL DEFAULT '{}',
  departments jsonb,
  updated_by uuid NOT NULL REFERENCES accounts(id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, symptom_id)
);

-- One naive Bayes model per org, trained on where its patients ended up.
CREATE TABLE triage_classifiers (
  org_id uuid PRIMARY KEY REFERENCES orgs(id),
  model jsonb NOT NULL,
  samples integer NOT NULL,
  departments integer NOT NULL,
  trained_at timestamptz NOT NULL DEFAULT now()
);
