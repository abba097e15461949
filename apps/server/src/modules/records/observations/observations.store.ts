import { sql, type RawBuilder } from 'kysely';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { ObservationFlag, RecordSource } from '../../../platform/db/schema-records.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import {
  evaluateFollowUpMany,
  type FollowUpRuleSet,
  type ObservationForRules,
} from '../../followup/index.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { flagReading, type PatientFacts } from './observation-rules.ts';
import { loadPatientFactsMany } from '../patient-facts.ts';

/** An observation to store: a lab value, a checkup item, a device or self-reported reading. */
export interface NewObservation {
  /** Chosen by the writer when it needs the id before storing; a UUID v7 otherwise. */
  id?: string;
  codeSystem: 'loinc' | 'local';
  code: string;
  name: string;
  valueNum: number | null;
  valueText: string | null;
  unit: string | null;
  refLow?: number | null;
  refHigh?: number | null;
  refText?: string | null;
  /** Computed from the range and the patient's sex and age when missing. */
  flag?: ObservationFlag | null;
  effectiveAt: Date;
  source: RecordSource;
  sourceOrg?: string | null;
  reportId?: string | null;
  deviceId?: string | null;
  /** The source's natural key (report + item, device + time): storing the same key again does nothing. */
  dedupeKey?: string;
  note?: string | null;
  /** Reading context (glucose: fasting, after-meal, cgm ...). */
  context?: string | null;
  /** End of a reading that covers a period (steps, sleep). */
  endAt?: Date | null;
}

export interface StoredObservation {
  id: string;
  patientId: string;
  codeSystem: 'loinc' | 'local';
  code: string;
  name: string;
  valueNum: number | null;
  valueText: string | null;
  unit: string | null;
  refLow: number | null;
  refHigh: number | null;
  flag: ObservationFlag | null;
  effectiveAt: Date;
  source: RecordSource;
  reportId: string | null;
  dedupeKey: string;
}

// Rows per INSERT. The rows travel as one array per column (unnest), so the statement has at most 23 parameters whatever
// the chunk size and PostgreSQL plans it once per chunk.
const CHUNK = 1000;

interface PatientRows {
  patientId: string;
  rows: readonly NewObservation[];
}

const emptyColumns = () => ({
  patientId: [] as string[],
  id: [] as string[],
  codeSystem: [] as string[],
  code: [] as string[],
  name: [] as string[],
  valueNum: [] as (number | null)[],
  valueText: [] as (string | null)[],
  unit: [] as (string | null)[],
  refLow: [] as (number | null)[],
  refHigh: [] as (number | null)[],
  refText: [] as (string | null)[],
  flag: [] as (string | null)[],
  effectiveAt: [] as string[],
  source: [] as string[],
  sourceOrg: [] as (string | null)[],
  reportId: [] as (string | null)[],
  deviceId: [] as (string | null)[],
  dedupeKey: [] as string[],
  note: [] as (string | null)[],
  context: [] as (string | null)[],
  endAt: [] as (string | null)[],
  /** The rows' times as given (not sent; the answer is built from the columns). */
  at: [] as Date[],
});
type Columns = ReturnType<typeof emptyColumns>;

function push(c: Columns, patientId: string, row: NewObservation, patient: PatientFacts): void {
  const id = row.id ?? uuidv7();
  const judged =
    row.flag === undefined
      ? flagReading(
          {
            codeSystem: row.codeSystem,
            code: row.code,
            valueNum: row.valueNum,
            unit: row.unit,
            refLow: row.refLow ?? null,
            refHigh: row.refHigh ?? null,
          },
          patient,
          row.effectiveAt,
        )
      : { flag: row.flag, refLow: row.refLow ?? null, refHigh: row.refHigh ?? null };
  c.patientId.push(patientId);
  c.id.push(id);
  c.codeSystem.push(row.codeSystem);
  c.code.push(row.code);
  c.name.push(row.name);
  c.valueNum.push(row.valueNum);
  c.valueText.push(row.valueText);
  c.unit.push(row.unit);
  c.refLow.push(judged.refLow);
  c.refHigh.push(judged.refHigh);
  c.refText.push(row.refText ?? null);
  c.flag.push(judged.flag);
  c.effectiveAt.push(row.effectiveAt.toISOString());
  c.source.push(row.source);
  c.sourceOrg.push(row.sourceOrg ?? null);
  c.reportId.push(row.reportId ?? null);
  c.deviceId.push(row.deviceId ?? null);
  c.dedupeKey.push(row.dedupeKey ?? id);
  c.note.push(row.note ?? null);
  c.context.push(row.context ?? null);
  c.endAt.push(row.endAt ? row.endAt.toISOString() : null);
  c.at.push(row.effectiveAt);
}

// The columns of one INSERT with their PostgreSQL array types. A column whose value is the same in every row
// (the code system, the source, an empty note, a device's id) travels as one value instead of a thousand.
const COLUMN_TYPES = [
  ['patient_id', 'patientId', 'uuid'],
  ['id', 'id', 'uuid'],
  ['code_system', 'codeSystem', 'text'],
  ['code', 'code', 'text'],
  ['name', 'name', 'text'],
  ['value_num', 'valueNum', 'float8'],
  ['value_text', 'valueText', 'text'],
  ['unit', 'unit', 'text'],
  ['ref_low', 'refLow', 'float8'],
  ['ref_high', 'refHigh', 'float8'],
  ['ref_text', 'refText', 'text'],
  ['flag', 'flag', 'text'],
  ['effective_at', 'effectiveAt', 'timestamptz'],
  ['source', 'source', 'text'],
  ['source_org', 'sourceOrg', 'text'],
  ['report_id', 'reportId', 'uuid'],
  ['device_id', 'deviceId', 'text'],
  ['dedupe_key', 'dedupeKey', 'text'],
  ['note', 'note', 'text'],
  ['context', 'context', 'text'],
  ['end_at', 'endAt', 'timestamptz'],
] as const satisfies readonly (readonly [string, keyof Columns, string])[];

async function insertChunk(
  tx: Executor,
  scope: { orgId: string; recordedBy: string | null },
  c: Columns,
): Promise<string[]> {
  const arrays: RawBuilder<unknown>[] = [];
  const names: string[] = [];
  const selected: RawBuilder<unknown>[] = [];
  for (const [column, key, type] of COLUMN_TYPES) {
    const values = c[key] as readonly unknown[];
    const first = values[0];
    const constant = column !== 'id' && values.every((v) => v === first);
    if (constant) {
      selected.push(sql`${first ?? null}::${sql.raw(type)}`);
    } else {
      arrays.push(sql`${values}::${sql.raw(type)}[]`);
      names.push(column);
      selected.push(sql.ref(`u.${column}`));
    }
  }
  const result = await sql<{ id: string }>`
    INSERT INTO observations (${sql.raw(COLUMN_TYPES.map(([column]) => column).join(', '))}, org_id, recorded_by)
    SELECT ${sql.join(selected)}, ${scope.orgId}::uuid, ${scope.recordedBy}::uuid
      FROM unnest(${sql.join(arrays)}) AS u(${sql.raw(names.join(', '))})
    ON CONFLICT (patient_id, dedupe_key, effective_at) DO NOTHING
    RETURNING id`.execute(tx);
  // Only the ids come back: parsing a thousand rows of values and times again would cost more than the insert.
  return result.rows.map((r) => r.id);
}

/**
 * Stores a patient's observations in the caller's transaction and returns the ones newly stored: rows whose
 * dedupe key is already stored for the same time are skipped, so importing the same report twice stores it once.
 * Flags missing from the source are computed from the range and the patient's sex and age; the follow-up rules
 * then run on the new rows in the same transaction (a critical value alerts the care team exactly when it is
 * stored). Multi-row inserts in chunks; no query per row.
 */
export async function storeObservations(
  tx: Executor,
  deps: AppDeps,
  input: {
    orgId: string;
    patientId: string;
    rows: readonly NewObservation[];
    /** The account that recorded or imported the rows; null for a system writer (device ingest). */
    recordedBy: string | null;
    rules?: FollowUpRuleSet;
  },
): Promise<StoredObservation[]> {
  const stored = await storeObservationsMany(tx, deps, {
    orgId: input.orgId,
    recordedBy: input.recordedBy,
    groups: [{ patientId: input.patientId, rows: input.rows }],
    ...(input.rules ? { rules: input.rules } : {}),
  });
  return stored.get(input.patientId) ?? [];
}

/**
 * storeObservations for many patients of one organization at once (a chunk of an import): one query for the
 * patients' sex and birth date, one INSERT per 1,000 rows whoever they belong to, and the follow-up rules over
 * every patient's new rows together. Answers the newly stored rows by patient.
 */
export async function storeObservationsMany(
  tx: Executor,
  deps: AppDeps,
  input: {
    orgId: string;
    groups: readonly PatientRows[];
    recordedBy: string | null;
    rules?: FollowUpRuleSet;
    /** False for home readings, which the monitoring rules judge instead of the follow-up rules. */
    followUp?: boolean;
    /** The patients' sex and birth date when the caller has loaded them already. */
    facts?: ReadonlyMap<string, PatientFacts>;
  },
): Promise<Map<string, StoredObservation[]>> {
  const stored = new Map<string, StoredObservation[]>();
  const groups = input.groups.filter((g) => g.rows.length > 0);
  if (groups.length === 0) return stored;
  const facts =
    input.facts ??
    (await loadPatientFactsMany(
      tx,
      input.orgId,
      groups.map((g) => g.patientId),
    ));
  // Chunks of about CHUNK rows; a patient's rows may span two chunks, which changes nothing.
  let columns = emptyColumns();
  const flush = async () => {
    if (columns.id.length === 0) return;
    const inserted = new Set(await insertChunk(tx, input, columns));
    const c = columns;
    c.id.forEach((id, i) => {
      if (!inserted.has(id)) return;
      const patientId = c.patientId[i]!;
      const list = stored.get(patientId) ?? [];
      list.push({
        id,
        patientId,
        codeSystem: c.codeSystem[i] as StoredObservation['codeSystem'],
        code: c.code[i]!,
        name: c.name[i]!,
        valueNum: c.valueNum[i] ?? null,
        valueText: c.valueText[i] ?? null,
        unit: c.unit[i] ?? null,
        refLow: c.refLow[i] ?? null,
        refHigh: c.refHigh[i] ?? null,
        flag: (c.flag[i] ?? null) as ObservationFlag | null,
        effectiveAt: c.at[i]!,
        source: c.source[i] as RecordSource,
        reportId: c.reportId[i] ?? null,
        dedupeKey: c.dedupeKey[i]!,
      });
      stored.set(patientId, list);
    });
    columns = emptyColumns();
  };
  for (const group of groups) {
    const patient = facts.get(group.patientId);
    if (!patient) throw new AppError('PATIENT_NOT_FOUND');
    for (const row of group.rows) {
      push(columns, group.patientId, row, patient);
      if (columns.id.length >= CHUNK) await flush();
    }
  }
  await flush();
  if (input.followUp === false) return stored;
  const forRules = new Map<string, ObservationForRules[]>();
  for (const [patientId, list] of stored) {
    forRules.set(
      patientId,
      list.map((o) => ({
        id: o.id,
        patientId: o.patientId,
        codeSystem: o.codeSystem,
        code: o.code,
        name: o.name,
        valueNum: o.valueNum,
        unit: o.unit,
        flag: o.flag,
        effectiveAt: o.effectiveAt,
        reportId: o.reportId,
        source: o.source,
      })),
    );
  }
  await evaluateFollowUpMany(tx, deps, {
    orgId: input.orgId,
    byPatient: forRules,
    ...(input.rules ? { rules: input.rules } : {}),
  });
  return stored;
}
