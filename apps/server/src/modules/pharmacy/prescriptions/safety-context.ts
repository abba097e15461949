// The record facts a prescription is checked against, read fresh for every check: the patient's active allergies,
// active conditions, active medication statements (with their ingredients found in the formulary when the record
// names only the drug), approved prescriptions not yet in the record, age and sex; and the organization's
// interaction table.
import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import {
  checkPrescription,
  type SafetyFinding as ClinicalFinding,
  type SafetyInput,
} from '@careloop/clinical';
import type { SafetyFinding } from '@careloop/contracts';
import type { Executor } from '../../../platform/db/database.ts';
import { prepared } from '../../../platform/db/prepared.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { staffCareSql } from '../../../platform/access/patient-access.ts';
import { toClinicalDrug } from '../formulary/drug-view.ts';
import type { ResolvedItem } from './items.ts';

export interface SafetyFacts {
  patient: { name: string; sex: 'male' | 'female' | 'other' | 'unknown'; ageYears: number };
  allergies: {
    substance: string;
    category: 'drug' | 'food' | 'environment' | 'other';
    severity: string | null;
  }[];
  conditions: { icd10: string | null; display: string }[];
  current: { name: string; ingredients: string[]; atc: string | null; dose: string | null; source: string }[];
  interactions: SafetyInput['interactions'];
}

export function ageOn(birthDate: string, today = new Date()): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return Math.max(0, age);
}

interface FactsRow {
  care: boolean;
  name: string;
  sex: SafetyFacts['patient']['sex'];
  birth_date: string;
  allergies: SafetyFacts['allergies'] | null;
  conditions: SafetyFacts['conditions'] | null;
  statements:
    { name: string; atc: string | null; dose: string | null; ingredients: string[] | null }[] | null;
  prescribed: { name: string; atc: string; dose: string; ingredients: string[] }[] | null;
  interactions_version: string;
}

// $1 patient, $2 organization, $3 staff account (null: no access decision), $4-$9 the audit entry of the read
// (null $4: none): id, actor kind, action, request id, ip, detail.
const FACTS_SQL = `
  WITH f AS (
    SELECT p.id, p.org_id, p.name, p.sex, p.birth_date::text AS birth_date,
      ($3::uuid IS NOT NULL AND ${staffCareSql('p', '$3')}) AS care,
      (SELECT json_agg(json_build_object('substance', a.substance, 'category', a.category, 'severity', a.severity))
         FROM allergies a
        WHERE a.patient_id = p.id AND a.org_id = p.org_id AND a.deleted_at IS NULL AND a.status = 'active')
        AS allergies,
      (SELECT json_agg(json_build_object('icd10', c.icd10, 'display', c.display))
         FROM conditions c
        WHERE c.patient_id = p.id AND c.org_id = p.org_id AND c.deleted_at IS NULL
          AND c.clinical_status IN ('active', 'recurrence')) AS conditions,
      -- A statement written from a prescription item has its drug's ingredients; one typed into the record is
      -- matched to the formulary by ATC code, or failing that by a generic name the statement's name contains
      -- (COALESCE evaluates the name scan only when the cheaper matches found nothing).
      (SELECT json_agg(json_build_object(
                'name', m.name, 'atc', m.atc, 'dose', m.dose,
                'ingredients', COALESCE(pd.ingredients,
                  (SELECT array_agg(DISTINCT i) FROM formulary_drugs d, unnest(d.ingredients) i
                    WHERE d.org_id = m.org_id AND d.atc = m.atc),
                  (SELECT array_agg(DISTINCT i) FROM formulary_drugs d, unnest(d.ingredients) i
                    WHERE d.org_id = m.org_id
                      AND (position(d.generic_zh IN m.name) > 0
                           OR position(lower(d.generic_en) IN lower(m.name)) > 0)))))
         FROM medication_statements m
         LEFT JOIN prescription_items pi ON pi.id = m.prescription_item_id
         LEFT JOIN formulary_drugs pd ON pd.id = pi.drug_id
        WHERE m.patient_id = p.id AND m.org_id = p.org_id AND m.deleted_at IS NULL AND m.status = 'active')
        AS statements,
      -- Approved prescriptions whose items are not (yet) in the record.
      (SELECT json_agg(json_build_object('name', pi.drug_name_zh, 'atc', d.atc,
                'dose', pi.dose_value::text || ' ' || pi.dose_unit, 'ingredients', d.ingredients))
         FROM prescriptions rx
         JOIN prescription_items pi ON pi.prescription_id = rx.id
         JOIN formulary_drugs d ON d.id = pi.drug_id
        WHERE rx.patient_id = p.id AND rx.org_id = p.org_id AND rx.status = 'approved'
          AND NOT EXISTS (SELECT 1 FROM medication_statements m
                           WHERE m.prescription_item_id = pi.id AND m.deleted_at IS NULL)) AS prescribed,
      -- The interaction table's version: the table itself is read only when it changed (see interactionsOf).
      (SELECT count(*)::text || '/' || coalesce(max(x.updated_at)::text, '')
         FROM drug_interactions x WHERE x.org_id = p.org_id) AS interactions_version
      FROM patients p
     WHERE p.id = $1 AND p.org_id = $2 AND p.deleted_at IS NULL),
  audit AS (
    INSERT INTO audit_events (id, org_id, actor_account_id, actor_kind, action, patient_id, resource_type,
                              request_id, ip, detail)
    SELECT $4::uuid, f.org_id, $3::uuid, $5, $6, f.id, 'prescription', $7, $8, $9::jsonb
      FROM f WHERE f.care AND $4::uuid IS NOT NULL)
  SELECT * FROM f`;

/** Planned once per connection: planning the statement took longer than running it. */
const FACTS = prepared<FactsRow>('careloop_prescription_facts', FACTS_SQL);

/**
 * Reads every fact in one round trip (one statement with a subquery per part): the check runs while the
 * prescriber types, so its latency is mostly round trips. With `pool`, as a prepared statement outside any
 * transaction (the live check); without, in `db`'s transaction.
 */
export async function loadSafetyFacts(
  db: Executor,
  orgId: string,
  patientId: string,
  /** With a staff account: also whether it has a care relationship to the patient (the prescriber's access). */
  staffAccountId?: string,
  /**
   * The audit entry of the read, written by the same statement when the care relationship holds (so the read and
   * its entry commit together, in one round trip).
   */
  audit?: {
    id: string;
    actorKind: 'staff' | 'token';
    action: string;
    requestId: string;
    ip: string | null;
    detail: Record<string, unknown>;
  },
  pool?: pg.Pool,
): Promise<SafetyFacts & { care: boolean }> {
  const values = [
    patientId,
    orgId,
    staffAccountId ?? null,
    audit && staffAccountId ? audit.id : null,
    audit?.actorKind ?? null,
    audit?.action ?? null,
    audit?.requestId ?? null,
    audit?.ip ?? null,
    audit ? JSON.stringify(audit.detail) : null,
  ];
  const rows = pool
    ? await FACTS.run(pool, values)
    : (await db.executeQuery<FactsRow>(CompiledQuery.raw(FACTS_SQL, values))).rows;
  const row = rows[0];
  if (!row) throw new AppError('PATIENT_NOT_FOUND');
  return {
    care: row.care,
    patient: { name: row.name, sex: row.sex, ageYears: ageOn(row.birth_date) },
    allergies: row.allergies ?? [],
    conditions: row.conditions ?? [],
    current: [
      ...(row.statements ?? []).map((m) => ({
        name: m.name,
        atc: m.atc,
        dose: m.dose,
        ingredients: m.ingredients ?? [m.name.toLowerCase()],
        source: 'record',
      })),
      ...(row.prescribed ?? []).map((p) => ({ ...p, source: 'prescription' })),
    ],
    interactions: await interactionsOf(db, orgId, row.interactions_version),
  };
}

const interactionTables = new Map<string, { version: string; list: SafetyInput['interactions'] }>();

/**
 * The organization's interaction table, kept in this process while its version (row count and newest change, read
 * with every check's facts) stays the same: an edit or an import anywhere changes the version, so the next check
 * reads the table again. The same array is handed to the check each time, which keeps its index built.
 */
async function interactionsOf(
  db: Executor,
  orgId: string,
  version: string,
): Promise<SafetyInput['interactions']> {
  const cached = interactionTables.get(orgId);
  if (cached?.version === version) return cached.list;
  const list = await db
    .selectFrom('drug_interactions')
    .select(['a', 'b', 'severity', 'zh', 'en', 'source'])
    .where('org_id', '=', orgId)
    .orderBy('id')
    .execute();
  interactionTables.set(orgId, { version, list });
  return list;
}

/** A stable key per finding within a prescription: its item, kind and the other party. */
export function findingKey(f: Pick<ClinicalFinding, 'kind' | 'itemIndex' | 'with'>): string {
  return `${f.itemIndex}:${f.kind}:${f.with ?? ''}`;
}

export function runCheck(items: readonly ResolvedItem[], facts: SafetyFacts): SafetyFinding[] {
  const findings = checkPrescription({
    items: items.map((i) => ({
      index: i.index,
      drug: toClinicalDrug(i.drug),
      dose: i.dose,
      frequency: i.frequency.code,
    })),
    current: facts.current.map((c) => ({ name: c.name, ingredients: c.ingredients, atc: c.atc })),
    allergies: facts.allergies.map((a) => ({ substance: a.substance, category: a.category })),
    conditions: facts.conditions,
    patient: { ageYears: facts.patient.ageYears, sex: facts.patient.sex },
    interactions: facts.interactions,
  });
  return findings.map((f) => ({
    kind: f.kind,
    level: f.level,
    itemIndex: f.itemIndex,
    ...(f.with !== undefined ? { with: f.with } : {}),
    ...(f.severity !== undefined ? { severity: f.severity } : {}),
    zh: f.zh,
    en: f.en,
    source: f.source,
    key: findingKey(f),
  }));
}
