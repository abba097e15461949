-- When the board's 14-day BP and glucose figures of a patient were last computed: ingest recomputes them at most
-- once a minute per patient (a CGM batch every few seconds need not rescan two weeks of readings each time).
ALTER TABLE monitoring_status ADD COLUMN computed_at timestamptz;
