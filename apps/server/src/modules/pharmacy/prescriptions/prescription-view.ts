import { createHash } from 'node:crypto';
import type { DoseUnit, FrequencyCode, Prescription, SafetyFinding } from '@careloop/contracts';
import type { Selectable } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/http/language.ts';
import type { PrescriptionItemsTable, PrescriptionsTable } from '../../../platform/db/schema-pharmacy.ts';
import { frequencyOf, plainText } from './items.ts';

export type PrescriptionRow = Selectable<PrescriptionsTable> & {
  prescriber_name: string;
  reviewer_name: string | null;
};
export type ItemRow = Selectable<PrescriptionItemsTable>;

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface SignedContent {
  id: string;
  orgId: string;
  patientId: string;
  prescriberAccountId: string;
  consultationId: string | null;
  appointmentId: string | null;
  version: number;
  previousId: string | null;
  diagnosis: string | null;
  note: string | null;
  longTerm: boolean;
  signedAt: string;
  items: {
    position: number;
    drugId: string;
    drugCode: string;
    drugNameZh: string;
    drugNameEn: string;
    doseValue: number;
    doseUnit: string;
    frequency: string;
    route: string;
    durationDays: number | null;
    quantity: number;
    instructions: string | null;
    findings: string[];
    overrideReason: string | null;
  }[];
}

/** SHA-256 (hex) of the canonical JSON of what was signed: anyone can recompute it from the stored rows. */
export function contentHash(content: SignedContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

/** The signed content as it is stored (to verify a hash later). */
export function signedContentOf(
  row: Selectable<PrescriptionsTable>,
  items: readonly ItemRow[],
): SignedContent {
  return {
    id: row.id,
    orgId: row.org_id,
    patientId: row.patient_id,
    prescriberAccountId: row.prescriber_account_id,
    consultationId: row.consultation_id,
    appointmentId: row.appointment_id,
    version: row.version,
    previousId: row.previous_id,
    diagnosis: row.diagnosis,
    note: row.note,
    longTerm: row.long_term,
    signedAt: row.signed_at.toISOString(),
    items: [...items]
      .sort((a, b) => a.position - b.position)
      .map((i) => ({
        position: i.position,
        drugId: i.drug_id,
        drugCode: i.drug_code,
        drugNameZh: i.drug_name_zh,
        drugNameEn: i.drug_name_en,
        doseValue: Number(i.dose_value),
        doseUnit: i.dose_unit,
        frequency: i.frequency,
        route: i.route,
        durationDays: i.duration_days,
        quantity: i.quantity,
        instructions: i.instructions,
        findings: (i.findings as SafetyFinding[]).map((f) => f.key),
        overrideReason: i.override_reason,
      })),
  };
}

export const prescriptionQueries = {
  async load(
    db: Executor,
    orgScope: { orgId: string } | null,
    ids: readonly string[],
  ): Promise<PrescriptionRow[]> {
    if (ids.length === 0) return [];
    let q = db
      .selectFrom('prescriptions as p')
      .innerJoin('accounts as a', 'a.id', 'p.prescriber_account_id')
      .leftJoin('accounts as r', 'r.id', 'p.reviewed_by')
      .selectAll('p')
      .select(['a.display_name as prescriber_name', 'r.display_name as reviewer_name'])
      .where('p.id', 'in', [...ids]);
    if (orgScope) q = q.where('p.org_id', '=', orgScope.orgId);
    return q.execute();
  },

  async items(db: Executor, ids: readonly string[]): Promise<ItemRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('prescription_items')
      .selectAll()
      .where('prescription_id', 'in', [...ids])
      .orderBy('prescription_id')
      .orderBy('position')
      .execute();
  },
};

/**
 * The API shape. The patient side sees drug, dose and frequency in plain words, instructions, status and the
 * pharmacist's note on an approved prescription; the safety findings, override reasons and a rejection's reason
 * are for the care team.
 */
export function toPrescription(
  row: PrescriptionRow,
  items: readonly ItemRow[],
  language: Language,
  side: 'staff' | 'patient',
): Prescription {
  const patient = side === 'patient';
  return {
    id: row.id,
    patientId: row.patient_id,
    status: row.status,
    version: row.version,
    previousId: row.previous_id,
    prescriber: { id: row.prescriber_account_id, name: row.prescriber_name },
    consultationId: row.consultation_id,
    appointmentId: row.appointment_id,
    diagnosis: row.diagnosis,
    note: row.note,
    longTerm: row.long_term,
    contentHash: row.content_hash,
    signedAt: row.signed_at.toISOString(),
    reviewedBy:
      row.reviewed_by && row.reviewer_name ? { id: row.reviewed_by, name: row.reviewer_name } : null,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    reviewNote: patient && row.status !== 'approved' ? null : row.review_note,
    items: items
      .filter((i) => i.prescription_id === row.id)
      .map((i) => {
        const frequency = frequencyOf(i.frequency);
        const doseValue = Number(i.dose_value);
        return {
          id: i.id,
          position: i.position,
          drugId: i.drug_id,
          drugCode: i.drug_code,
          drugName: language === 'zh-CN' ? i.drug_name_zh : i.drug_name_en,
          drugNameZh: i.drug_name_zh,
          drugNameEn: i.drug_name_en,
          dose: { value: doseValue, unit: i.dose_unit as DoseUnit },
          frequency: i.frequency as FrequencyCode,
          route: i.route,
          durationDays: i.duration_days,
          quantity: i.quantity,
          instructions: i.instructions,
          findings: patient ? [] : (i.findings as SafetyFinding[]),
          overrideReason: patient ? null : i.override_reason,
          plainText: plainText(
            { doseValue, doseUnit: i.dose_unit as DoseUnit, frequency, durationDays: i.duration_days },
            language,
          ),
        };
      }),
    updatedAt: row.updated_at.toISOString(),
  };
}
