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
