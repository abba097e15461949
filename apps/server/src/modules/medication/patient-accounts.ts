import type { Executor } from '../../platform/db/database.ts';

/** The accounts on a patient's side (the patient and the family members who manage the profile). */
export async function patientAccounts(db: Executor, patientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('patient_links')
    .select('account_id')
    .where('patient_id', '=', patientId)
    .where('removed_at', 'is', null)
    .execute();
  return rows.map((r) => r.account_id);
}
