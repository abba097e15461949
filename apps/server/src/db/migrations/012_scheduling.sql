-- Scheduling (预约挂号): weekly templates and exceptions become sessions (one doctor, one date, one block of time)
-- cut into slots; appointments book a place in a slot; a waitlist takes freed places; checked-in patients wait in a
-- queue per session. Capacity is kept by the database: a booking is a conditional UPDATE of the slot's counters
-- (CHECK below) in the same transaction as the appointment, and a partial unique index limits each patient to one
-- active booking per doctor per day.

-- Notification kinds for reminders and booking changes. Other migrations may widen the list too, so the current
-- check is extended rather than rewritten.
DO $$
DECLARE
  def text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO def FROM pg_constraint
   WHERE conname = 'notifications_kind_check' AND conrelid = 'notifications'::regclass;
  IF def IS NOT NULL AND position('appointment_reminder' IN def) = 0 THEN
    ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
    EXECUTE 'ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check '
      || replace(def, 'ARRAY[', 'ARRAY[''appointment_reminder''::text, ''appointment_update''::text, ');
  END IF;
END $$;

-- Per-organization scheduling rules.
CREATE TABLE scheduling_settings (
  org_id uuid PRIMARY KEY REFERENCES orgs(id),
  -- Patients cancel or reschedule until this many hours before the visit.
  cancel_cutoff_hours integer NOT NULL DEFAULT 2 CHECK (cancel_cutoff_hours BETWEEN 0 AND 168),
  -- Minutes a waitlisted patient has to take an offered place.
  offer_window_minutes integer NOT NULL DEFAULT 30 CHECK (offer_window_minutes BETWEEN 5 AND 1440),
  horizon_weeks integer NOT NULL DEFAULT 4 CHECK (horizon_weeks BETWEEN 1 AND 12),
  check_in_before_minutes integer NOT NULL DEFAULT 60 CHECK (check_in_before_minutes BETWEEN 0 AND 240),
  check_in_after_minutes integer NOT NULL DEFAULT 30 CHECK (check_in_after_minutes BETWEEN 0 AND 240),
  updated_by uuid REFERENCES accounts(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A doctor's weekly session: times are wall-clock times in the org's time zone.
CREATE TABLE schedule_templates (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  doctor_account_id uuid NOT NULL REFERENCES accounts(id),
  department_id uuid REFERENCES departments(id),
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time time NOT NULL,
  end_time time NOT NULL,
  slot_minutes integer NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
  mode text NOT NULL CHECK (mode IN ('in_person', 'online')),
  fee_fen integer NOT NULL CHECK (fee_fen >= 0),
  valid_from date NOT NULL,
  valid_until date,
  created_by uuid NOT NULL REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  CHECK (start_time < end_time),
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX schedule_templates_doctor ON schedule_templates (doctor_account_id, weekday) WHERE deleted_at IS NULL;
CREATE INDEX schedule_templates_org ON schedule_templates (org_id) WHERE deleted_at IS NULL;

-- A day off (the whole day, or one template's session) or one template's session run differently on a date.
CREATE TABLE schedule_exceptions (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  doctor_account_id uuid NOT NULL REFERENCES accounts(id),
  date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('off', 'changed')),
  template_id uuid REFERENCES schedule_templates(id),
  start_time time,
  end_time time,
  slot_minutes integer CHECK (slot_minutes BETWEEN 5 AND 240),
  capacity integer CHECK (capacity BETWEEN 1 AND 100),
  reason text,
  cancelled_appointments integer NOT NULL DEFAULT 0,
  created_by uuid NOT NULL REFERENCES accounts(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  CHECK (kind = 'off' OR (template_id IS NOT NULL AND start_time IS NOT NULL AND end_time IS NOT NULL
                          AND start_time < end_time))
);
CREATE INDEX schedule_exceptions_doctor ON schedule_exceptions (doctor_account_id, date) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX schedule_exceptions_one ON schedule_exceptions
  (doctor_account_id, date, COALESCE(template_id, '00000000-0000-0000-0000-000000000000'::uuid)) WHERE deleted_at IS NULL;

-- One doctor's block of time on one date, generated from a template (once per template and date).
CREATE TABLE schedule_sessions (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  doctor_account_id uuid NOT NULL REFERENCES accounts(id),
  department_id uuid REFERENCES departments(id),
  template_id uuid REFERENCES schedule_templates(id),
  date date NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  slot_minutes integer NOT NULL,
  capacity integer NOT NULL,
  mode text NOT NULL CHECK (mode IN ('in_person', 'online')),
  fee_fen integer NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cancelled')),
  -- Queue numbers handed out at check-in, and a version bumped by every queue change (realtime events carry it).
  queue_seq integer NOT NULL DEFAULT 0,
  queue_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_at < ends_at)
);
CREATE UNIQUE INDEX schedule_sessions_template_date ON schedule_sessions (template_id, date);
CREATE INDEX schedule_sessions_day ON schedule_sessions (org_id, date);
CREATE INDEX schedule_sessions_doctor ON schedule_sessions (doctor_account_id, starts_at);

-- A bookable time within a session. booked + held never exceeds capacity: held places wait for a waitlist offer.
CREATE TABLE slots (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  session_id uuid NOT NULL REFERENCES schedule_sessions(id) ON DELETE CASCADE,
  doctor_account_id uuid NOT NULL REFERENCES accounts(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity >= 1),
  booked integer NOT NULL DEFAULT 0,
  held integer NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  CHECK (booked >= 0 AND held >= 0 AND booked + held <= capacity),
  UNIQUE (session_id, starts_at)
);
CREATE INDEX slots_doctor_free ON slots (doctor_account_id, starts_at) WHERE status = 'open';

CREATE TABLE appointments (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  slot_id uuid NOT NULL REFERENCES slots(id),
  session_id uuid NOT NULL REFERENCES schedule_sessions(id),
  doctor_account_id uuid NOT NULL REFERENCES accounts(id),
  visit_date date NOT NULL,
  starts_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('booked', 'checked_in', 'completed', 'cancelled', 'no_show')),
  booked_by uuid NOT NULL REFERENCES accounts(id),
  -- How the booker reached the patient: own profile or a proxy grant with the book scope.
  basis text NOT NULL,
  rescheduled_from uuid REFERENCES appointments(id),
  waitlist_entry_id uuid,
  cancelled_at timestamptz,
  cancelled_by uuid REFERENCES accounts(id),
  cancel_reason text,
  checked_in_at timestamptz,
  checked_in_by uuid REFERENCES accounts(id),
  queue_state text CHECK (queue_state IN ('waiting', 'called', 'in_consultation', 'done', 'skipped', 'no_show')),
  queue_number integer,
  called_at timestamptz,
  started_at timestamptz,
  done_at timestamptz,
  -- The doctor's care relationship to the patient lasts until the end of the visit day (org time zone).
  care_until timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1
);
-- One active booking per patient per doctor per day, whatever the concurrency.
CREATE UNIQUE INDEX appointments_one_per_doctor_day ON appointments (patient_id, doctor_account_id, visit_date)
  WHERE status IN ('booked', 'checked_in');
CREATE INDEX appointments_patient ON appointments (patient_id, starts_at DESC);
CREATE INDEX appointments_session ON appointments (session_id, status);
CREATE INDEX appointments_slot ON appointments (slot_id);
CREATE INDEX appointments_care ON appointments (patient_id, doctor_account_id, care_until)
  WHERE status <> 'cancelled';
CREATE INDEX appointments_no_show ON appointments (patient_id) WHERE status = 'no_show';

-- Waiting for a place in a slot, a session or any session of a doctor's day. A freed place is held for the first
-- waiting entry (offered) until offer_expires_at; then it moves on to the next one.
CREATE TABLE waitlist_entries (
  id uuid PRIMARY KEY,
  org_id uuid NOT NULL REFERENCES orgs(id),
  patient_id uuid NOT NULL REFERENCES patients(id),
  doctor_account_id uuid NOT NULL REFERENCES accounts(id),
  visit_date date NOT NULL,
  session_id uuid REFERENCES schedule_sessions(id) ON DELETE CASCADE,
  slot_id uuid REFERENCES slots(id) ON DELETE CASCADE,
  requested_by uuid NOT NULL REFERENCES accounts(id),
  status text NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'offered', 'booked', 'expired', 'cancelled')),
  offered_slot_id uuid REFERENCES slots(id) ON DELETE SET NULL,
  offered_at timestamptz,
  offer_expires_at timestamptz,
  appointment_id uuid REFERENCES appointments(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'offered' OR (offered_slot_id IS NOT NULL AND offer_expires_at IS NOT NULL))
);
CREATE UNIQUE INDEX waitlist_one_per_doctor_day ON waitlist_entries (patient_id, doctor_account_id, visit_date)
  WHERE status IN ('waiting', 'offered');
CREATE INDEX waitlist_next ON waitlist_entries (doctor_account_id, visit_date, created_at) WHERE status = 'waiting';
CREATE INDEX waitlist_offers_due ON waitlist_entries (offer_expires_at) WHERE status = 'offered';
