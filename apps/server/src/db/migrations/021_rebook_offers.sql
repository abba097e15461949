-- A place offered after a day off cancelled the patient's visit is a waitlist offer the patient did not ask for:
-- the entry says so, and which visit it replaces, so the app explains it rightly.
ALTER TABLE waitlist_entries
  ADD COLUMN origin text NOT NULL DEFAULT 'joined' CHECK (origin IN ('joined', 'day_off')),
  ADD COLUMN replaces_appointment_id uuid REFERENCES appointments(id);
