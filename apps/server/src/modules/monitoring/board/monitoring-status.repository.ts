import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

// The population board reads one row per patient; ingest keeps the row current in the same transaction as the
// readings. BP in target: home BP < 135/85 (2018 Chinese hypertension guideline); glucose in range 3.9-10.0 mmol/L
// (Battelino 2019 consensus). Window: the last 14 days.

export const STATUS_WINDOW_DAYS = 14;

export async function refreshMonitoringStatus(
  tx: Executor,
  input: {
    orgId: string;
    patientId: string;
    /** Latest reading time by reading type in this batch (ISO strings, UTC). */
    lastByType: Readonly<Record<string, string>>;
    /** Recompute the BP and glucose figures (the batch held such readings). */
    recompute: boolean;
  },
): Promise<void> {
  const last = Object.values(input.lastByType).sort().at(-1) ?? null;
  const lastJson = JSON.stringify(input.lastByType);
  if (!input.recompute) {
    await sql`
      INSERT INTO monitoring_status (patient_id, org_id, last_reading_at, last_by_type)
      VALUES (${input.patientId}, ${input.orgId}, ${last}, ${lastJson}::jsonb)
      ON CONFLICT (patient_id) DO UPDATE
         SET last_reading_at = greatest(monitoring_status.last_reading_at, EXCLUDED.last_reading_at),
             last_by_type = ${mergeLastByType},
             updated_at = now()`.execute(tx);
    return;
  }
  await sql`
    WITH w AS (
      SELECT code, value_num, effective_at, split_part(dedupe_key, '#', 1) AS k
        FROM observations
       WHERE patient_id = ${input.patientId} AND code IN ('8480-6', '8462-4', '15074-8')
         AND effective_at > now() - make_interval(days => ${STATUS_WINDOW_DAYS})
         AND dedupe_key LIKE 'rd:%' AND status <> 'entered_in_error'),
    bp AS (
      SELECT s.value_num AS sys, d.value_num AS dia
        FROM w s JOIN w d ON d.k = s.k AND d.effective_at = s.effective_at AND d.code = '8462-4'
       WHERE s.code = '8480-6'),
    g AS (SELECT value_num FROM w WHERE code = '15074-8'),
    agg AS (
      SELECT (SELECT count(*) FROM bp)::int AS bp_n, (SELECT avg(sys) FROM bp) AS bp_sys,
             (SELECT avg(dia) FROM bp) AS bp_dia,
             (SELECT 100.0 * avg(CASE WHEN sys < 135 AND dia < 85 THEN 1 ELSE 0 END) FROM bp) AS bp_in,
             (SELECT count(*) FROM g)::int AS g_n, (SELECT avg(value_num) FROM g) AS g_mean,
             (SELECT 100.0 * avg(CASE WHEN value_num >= 3.9 AND value_num <= 10.0 THEN 1 ELSE 0 END) FROM g) AS g_in)
    INSERT INTO monitoring_status (patient_id, org_id, last_reading_at, last_by_type, bp_readings, bp_systolic_mean,
                                   bp_diastolic_mean, bp_in_target_percent, glucose_readings, glucose_mean,
                                   glucose_in_range_percent)
    SELECT ${input.patientId}, ${input.orgId}, ${last}, ${lastJson}::jsonb, bp_n, bp_sys, bp_dia, bp_in, g_n,
           g_mean, g_in
      FROM agg
    ON CONFLICT (patient_id) DO UPDATE
       SET last_reading_at = greatest(monitoring_status.last_reading_at, EXCLUDED.last_reading_at),
           last_by_type = ${mergeLastByType},
           bp_readings = EXCLUDED.bp_readings, bp_systolic_mean = EXCLUDED.bp_systolic_mean,
           bp_diastolic_mean = EXCLUDED.bp_diastolic_mean, bp_in_target_percent = EXCLUDED.bp_in_target_percent,
           glucose_readings = EXCLUDED.glucose_readings, glucose_mean = EXCLUDED.glucose_mean,
           glucose_in_range_percent = EXCLUDED.glucose_in_range_percent,
           updated_at = now()`.execute(tx);
}

// Per type, the later of the stored and the new time (ISO strings in UTC compare as text).
const mergeLastByType = sql.raw(`(
  SELECT coalesce(jsonb_object_agg(k, v), '{}'::jsonb)
    FROM (SELECT k, max(v) AS v
            FROM (SELECT key AS k, value #>> '{}' AS v FROM jsonb_each(monitoring_status.last_by_type)
                  UNION ALL
                  SELECT key, value #>> '{}' FROM jsonb_each(EXCLUDED.last_by_type)) u
           GROUP BY k) m)`);
