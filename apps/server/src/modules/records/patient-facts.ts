import type { Executor } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { PatientFacts } from './observations/observation-rules.ts';

/** The sex and birth date a patient's reference ranges depend on. */
export async function loadPatientFacts(
  db: Executor,
  orgId: string,
  patientId: string,
): Promise<PatientFacts> {
  const row = await db
    .selectFrom('patients')
    .select(['sex', 'birth_date'])
    .where('id', '=', patientId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) throw new AppError('PATIENT_NOT_FOUND');
  return { sex: row.sex, birthDate: row.birth_date };
}

/** The sex and birth date of several patients of one organization, in one query. */
export async function loadPatientFactsMany(
  db: Executor,
  orgId: string,
  patientIds: readonly string[],
): Promise<Map<string, PatientFacts>> {
  if (patientIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('patients')
    .select(['id', 'sex', 'birth_date'])
    .where('id', 'in', [...new Set(patientIds)])
    .where('org_id', '=', orgId)
    .execute();
  const facts = new Map(rows.map((r) => [r.id, { sex: r.sex, birthDate: r.birth_date }]));
  if (facts.size !== new Set(patientIds).size) throw new AppError('PATIENT_NOT_FOUND');
  return facts;
}
