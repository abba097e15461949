import { sql } from 'kysely';
import type { MonitoringMetric, MonitoringReading } from '@careloop/clinical';
import type { Executor } from '../../../platform/db/database.ts';
import { MONITORED_CODES } from './reading-types.ts';
import { METRIC_OF } from './normalize-reading.ts';
import type { QuantityKey } from './reading-types.ts';

/** A stored reading row: one observation of a reading (a BP reading is two or three rows). */
export interface ReadingRow {
  id: string;
  code: string;
  value_num: number;
  unit: string | null;
  flag: 'N' | 'H' | 'L' | 'HH' | 'LL' | 'A' | null;
  effective_at: Date;
  end_at: Date | null;
  context: string | null;
  source: 'device' | 'self' | 'clinician' | 'import' | 'lab' | 'checkup';
  device_id: string | null;
  dedupe_key: string;
}

// Readings' dedupe keys are `rd:<sender scope>:<sender id>#<LOINC>`: the part before '#' names the reading.
export const READING_KEY_PREFIX = 'rd:';
export const readingKeyOf = (dedupeKey: string): string => dedupeKey.split('#')[0] ?? dedupeKey;

const QUANTITY_OF_CODE: Readonly<Record<string, QuantityKey>> = {
  '8480-6': 'systolic',
  '8462-4': 'diastolic',
  '8867-4': 'pulse',
  '15074-8': 'glucose',
  '29463-7': 'weight',
  '59408-5': 'spo2',
  '55423-8': 'steps',
  '93832-4': 'sleep',
  '8310-5': 'temperature',
};
export const quantityOfCode = (code: string): QuantityKey | undefined => QUANTITY_OF_CODE[code];

/** What the rules read of a row. */
export type RuleRow = Pick<ReadingRow, 'id' | 'code' | 'value_num' | 'effective_at' | 'dedupe_key'>;

export const readingsRepository = {
  /** The rules' history: only the five columns they read, oldest first. */
  async forRules(
    db: Executor,
    input: { patientId: string; codes: readonly string[]; from: Date; to: Date },
  ): Promise<RuleRow[]> {
    // The time as epoch milliseconds: thousands of rows need no date parsing.
    const result = await sql<Omit<RuleRow, 'effective_at'> & { t: number }>`
      SELECT id, code, value_num, (extract(epoch FROM effective_at) * 1000)::float8 AS t, dedupe_key
        FROM observations
       WHERE patient_id = ${input.patientId} AND code = ANY (${input.codes}::text[])
         AND effective_at > ${input.from} AND effective_at <= ${input.to}
         AND dedupe_key LIKE 'rd:%' AND status <> 'entered_in_error' AND value_num IS NOT NULL
       ORDER BY effective_at
       LIMIT 100000`.execute(db);
    return result.rows.map((r) => ({
      id: r.id,
      code: r.code,
      value_num: r.value_num,
      effective_at: new Date(r.t),
      dedupe_key: r.dedupe_key,
    }));
  },

  /** A patient's home readings of the given codes in (from, to], oldest first. */
  async rows(
    db: Executor,
    input: { patientId: string; codes?: readonly string[]; from: Date; to: Date; limit?: number },
  ): Promise<ReadingRow[]> {
    const codes = input.codes ?? MONITORED_CODES;
    const result = await sql<ReadingRow>`
      SELECT id, code, value_num, unit, flag, effective_at, end_at, context, source, device_id, dedupe_key
        FROM observations
       WHERE patient_id = ${input.patientId} AND code = ANY (${codes}::text[])
         AND effective_at > ${input.from} AND effective_at <= ${input.to}
         AND dedupe_key LIKE 'rd:%' AND status <> 'entered_in_error' AND value_num IS NOT NULL
       ORDER BY effective_at DESC
       LIMIT ${input.limit ?? 50_000}`.execute(db);
    return result.rows.reverse();
  },
};

/**
 * Rows as the rules see readings: one MonitoringReading per reading, with the id of its main row (systolic for
 * blood pressure), in the rows' order. Only blood pressure spans rows (systolic, diastolic, pulse of one reading
 * share its key and time); every other row is a reading of its own and needs no grouping.
 */
export function toMonitoringReadings(rows: readonly RuleRow[]): MonitoringReading[] {
  type Building = { id: string | null; takenAt: Date; values: Partial<Record<MonitoringMetric, number>> };
  const readings: Building[] = [];
  const bp = new Map<string, Building>();
  for (const row of rows) {
    const quantity = quantityOfCode(row.code);
    if (!quantity) continue;
    const metric = METRIC_OF[quantity];
    if (quantity !== 'systolic' && quantity !== 'diastolic' && quantity !== 'pulse') {
      readings.push({
        id: row.id,
        takenAt: row.effective_at,
        values: metric ? { [metric]: row.value_num } : {},
      });
      continue;
    }
    const key = `${readingKeyOf(row.dedupe_key)}@${row.effective_at.getTime()}`;
    let group = bp.get(key);
    if (!group) {
      group = { id: null, takenAt: row.effective_at, values: {} };
      bp.set(key, group);
      readings.push(group);
    }
    if (metric) group.values[metric] = row.value_num;
    if (quantity !== 'diastolic' && (group.id === null || quantity === 'systolic')) group.id = row.id;
  }
  return readings.filter((r): r is Building & { id: string } => r.id !== null);
}
