-- Referrals (转诊): a doctor refers a patient to another doctor, a department or another organization, naming the
-- parts of the record to share; the patient consents (or declines, or later withdraws); the receiver accepts, books
-- and reports back. The shared parts are readable by the receiver only while that consent stands.

CREATE TABLE referrals (
  id uuid PRIMARY KEY,
  -- The patient's organization (the referring side); every query filters by it or by target_org_id.
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  referring_account_id uuid NOT NULL REFERENCES accounts(id),
  referring_department_id uuid REFERENCES departments(id),
  target_kind text NOT NULL CHECK (target_kind IN ('doctor', 'department', 'organization')),
  target_org_id uuid NOT NULL REFERENCES orgs(id),
  target_department_id uuid REFERENCES departments(id),
  target_account_id uuid REFERENCES accounts(id),
  reason text NOT NULL,
  urgency text NOT NULL CHECK (urgency IN ('routine', 'urgent', 'emergency')),
  -- The record parts the receiver may read once the patient consents, and the time window of dated parts.
  sections text[] NOT NULL,
  window_from date,
  window_to date,
  status text NOT NULL CHECK (status IN ('awaiting_consent', 'consented', 'accepted', 'booked', 'completed',
                                         'declined', 'withdrawn', 'cancelled', 'expired')),
  consent_state text NOT NULL DEFAULT 'pending' CHECK (consent_state IN ('pending', 'given', 'refused', 'withdrawn')),
  consent_by uuid REFERENCES accounts(id),
  consent_at timestamptz,
  -- Awaiting consent or a receiver past this: expired.
  expires_at timestamptz NOT NULL,
  accepted_by uuid REFERENCES accounts(id),
  accepted_at timestamptz,
  decline_reason text,
  -- The scheduling module's appointment when one was booked through it; otherwise a planned date and a note.
  appointment_id uuid,
  planned_at timestamptz,
  booking_note text,
  booked_by uuid REFERENCES accounts(id),
  booked_at timestamptz,
  outcome text,
  completed_by uuid REFERENCES accounts(id),
  completed_at timestamptz,
  encounter_id uuid REFERENCES encounters(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  CHECK (target_kind <> 'doctor' OR target_account_id IS NOT NULL),
  CHECK (target_kind <> 'department' OR target_department_id IS NOT NULL),
  CHECK (sections <@ ARRAY['problems', 'medications', 'allergies', 'observations', 'encounters', 'documents']::text[]),
  CHECK (window_from IS NULL OR window_to IS NULL OR window_from <= window_to)
);
CREATE INDEX referrals_patient ON referrals (org_id, patient_id, created_at DESC);
CREATE INDEX referrals_referrer ON referrals (referring_account_id, created_at DESC);
CREATE INDEX referrals_inbox ON referrals (target_org_id, created_at DESC) WHERE consent_state <> 'pending';

-- Every step with who and when: the status history shown to all three sides.
CREATE TABLE referral_events (
  id uuid PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referrals(id),
  org_id uuid NOT NULL REFERENCES orgs(id),
  type text NOT NULL CHECK (type IN ('created', 'consented', 'refused', 'withdrawn', 'accepted', 'declined',
                                     'booked', 'completed', 'cancelled')),
  actor_account_id uuid REFERENCES accounts(id),
  note text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referral_events_referral ON referral_events (referral_id, at);

-- A notification kind for referral steps. Other migrations may have widened the list meanwhile, so the current
-- check is extended rather than rewritten.
DO $$
DECLARE
  def text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
   WHERE conname = 'notifications_kind_check' AND conrelid = 'notifications'::regclass;
  IF def IS NOT NULL AND position('referral_update' IN def) = 0 THEN
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    EXECUTE 'ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check '
      || replace(def, 'ARRAY[', 'ARRAY[''referral_update''::text, ');
  END IF;
END $$;
