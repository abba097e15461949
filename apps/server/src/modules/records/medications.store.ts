import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { entriesRepository } from './entries/entries.repository.ts';
import { MEDICATIONS } from './entries/entry-kinds.ts';

export interface NewMedicationStatement {
  orgId: string;
  patientId: string;
  name: string;
  atc: string | null;
  dose: string | null;
  route: string | null;
  frequency: string | null;
  reason: string | null;
  startedOn: string | null;
  note: string | null;
  /** The approved prescription item the statement comes from. */
  prescriptionItemId: string | null;
  recordedBy: string;
  sourceOrg: string | null;
}

/**
 * Writes active medication statements that another module concluded (a prescription the pharmacist approved) into
 * the record, in the caller's transaction, through the same insert as the record's own entries, as the clinician's
 * entry. Returns their ids.
 */
export async function storeMedicationStatements(
  tx: Executor,
  statements: readonly NewMedicationStatement[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const s of statements) {
    const id = uuidv7();
    await entriesRepository.insert(tx, MEDICATIONS, {
      id,
      orgId: s.orgId,
      patientId: s.patientId,
      source: 'clinician',
      sourceOrg: s.sourceOrg,
      recordedBy: s.recordedBy,
      columns: {
        name: s.name,
        atc: s.atc,
        dose: s.dose,
        route: s.route,
        frequency: s.frequency,
        reason: s.reason,
        status: 'active',
        started_on: s.startedOn,
        note: s.note,
        prescription_item_id: s.prescriptionItemId,
      },
    });
    ids.push(id);
  }
  return ids;
}
