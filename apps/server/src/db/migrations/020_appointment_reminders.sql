-- Appointment reminders are sent by a sweep every minute instead of two queued jobs per booking: a booking's
-- transaction writes nothing for its reminders, a moved or cancelled visit needs no job cleared, and a reminder
-- is marked in the same transaction that writes its notification, so it is sent once.
ALTER TABLE appointments
  ADD COLUMN reminded_day_before_at timestamptz,
  ADD COLUMN reminded_two_hours_at timestamptz;

-- The sweep's candidates: active visits that still owe a reminder, by start time.
CREATE INDEX appointments_reminder_due ON appointments (starts_at)
  WHERE status IN ('booked', 'checked_in') AND reminded_two_hours_at IS NULL;
