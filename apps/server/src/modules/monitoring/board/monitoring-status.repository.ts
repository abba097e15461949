import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

// The population board reads one row per patient; ingest keeps the row current in the same transaction as the
// readings. BP in target: home BP < 135/85 (2018 Chinese hypertension guideline); glucose in range 3.9-10.0 mmol/L
// (Battelino 2019 consensus). Window: the last 14 days.

export const STATUS_WINDOW_DAYS = 14;
/** The 14-day figures are recomputed at most this often per patient (a minute's lag on a two-week mean). */
export const RECOMPUTE_EVERY_MS = 60_000;

export async function refreshMonitoringStatus(
  tx: Executor,
  input: {
    orgId: string;
    patientId: string;
    /** Latest reading time by reading type in this batch (ISO strings, UTC). */
    lastByType: Readonly<Record<string, string>>;
    /**
     * Recompute the BP and glucose figures: always (true), never (false), or when they are older than a minute
     * ('if-stale', what ingest asks for batches with BP or glucose).
     */
    recompute: boolean | 'if-stale';
  },
): Promise<void> {
  const last = Object.values(input.lastByType).sort().at(-1) ?? null;
  const lastJson = JSON.stringify(input.lastByType);
  if (input.recompute !== true) {
    const row = await sql<{ computed_at: Date | null }>`
      INSERT INTO monitoring_status (patient_id, org_id, last_reading_at, last_by_type)
      VALUES (${input.patientId}, ${input.orgId}, ${last}, ${lastJson}::jsonb)
      ON CONFLICT (patient_id) DO UPDATE
         SET last_reading_at = greatest(monitoring_status.last_reading_at, EXCLUDED.last_reading_at),
             last_by_type = ${mergeLastByType},
             updated_at = now()
      RETURNING computed_at`.execute(tx);
    const computed = row.rows[0]?.computed_at?.getTime() ?? 0;
    if (input.recompute === false || Date.now() - computed < RECOMPUTE_EVERY_MS) return;
  }
  // The window's start as a value, not now(): the planner then prunes the yearly partitions it cannot touch.
  const windowStart = new Date(Date.now() - STATUS_WINDOW_DAYS * 86_400_000);
  // One indexed scan of the patient's last 14 days of BP and glucose rows; a BP reading's two rows are paired by
  // grouping on its reading key and time (a hash aggregate, not a join).
  await sql`
    WITH w AS (
      SELECT code, value_num, effective_at, split_part(dedupe_key, '#', 1) AS k
        FROM observations
       WHERE patient_id = ${input.patientId} AND code IN ('8480-6', '8462-4', '15074-8')
         AND effective_at > ${windowStart}
         AND dedupe_key LIKE 'rd:%' AND status <> 'entered_in_error'),
    bp AS (
      SELECT max(value_num) FILTER (WHERE code = '8480-6') AS sys,
             max(value_num) FILTER (WHERE code = '8462-4') AS dia
        FROM w WHERE code IN ('8480-6', '8462-4')
       GROUP BY k, effective_at),
    agg AS (
      SELECT count(*) FILTER (WHERE sys IS NOT NULL AND dia IS NOT NULL)::int AS bp_n,
             avg(sys) FILTER (WHERE dia IS NOT NULL) AS bp_sys,
             avg(dia) FILTER (WHERE sys IS NOT NULL) AS bp_dia,
             100.0 * avg(CASE WHEN sys < 135 AND dia < 85 THEN 1 ELSE 0 END)
               FILTER (WHERE sys IS NOT NULL AND dia IS NOT NULL) AS bp_in
        FROM bp),
    g AS (
      SELECT count(*)::int AS g_n, avg(value_num) AS g_mean,
             100.0 * avg(CASE WHEN value_num >= 3.9 AND value_num <= 10.0 THEN 1 ELSE 0 END) AS g_in
        FROM w WHERE code = '15074-8')
    INSERT INTO monitoring_status (patient_id, org_id, last_reading_at, last_by_type, bp_readings, bp_systolic_mean,
                                   bp_diastolic_mean, bp_in_target_percent, glucose_readings, glucose_mean,
                                   glucose_in_range_percent, computed_at)
    SELECT ${input.patientId}, ${input.orgId}, ${last}, ${lastJson}::jsonb, bp_n, bp_sys, bp_dia, bp_in, g_n,
           g_mean, g_in, now()
      FROM agg, g
    ON CONFLICT (patient_id) DO UPDATE
       SET last_reading_at = greatest(monitoring_status.last_reading_at, EXCLUDED.last_reading_at),
           last_by_type = ${mergeLastByType},
           bp_readings = EXCLUDED.bp_readings, bp_systolic_mean = EXCLUDED.bp_systolic_mean,
           bp_diastolic_mean = EXCLUDED.bp_diastolic_mean, bp_in_target_percent = EXCLUDED.bp_in_target_percent,
           glucose_readings = EXCLUDED.glucose_readings, glucose_mean = EXCLUDED.glucose_mean,
           glucose_in_range_percent = EXCLUDED.glucose_in_range_percent,
           computed_at = now(), updated_at = now()`.execute(tx);
}

// Per type, the later of the stored and the new time (ISO strings in UTC compare as text).
const mergeLastByType = sql.raw(`(
  SELECT coalesce(jsonb_object_agg(k, v), '{}'::jsonb)
    FROM (SELECT k, max(v) AS v
            FROM (SELECT key AS k, value #>> '{}' AS v FROM jsonb_each(monitoring_status.last_by_type)
                  UNION ALL
                  SELECT key, value #>> '{}' FROM jsonb_each(EXCLUDED.last_by_type)) u
           GROUP BY k) m)`);
