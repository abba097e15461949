import type { Executor } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

export interface NewEncounter {
  orgId: string;
  patientId: string;
  kind: 'telehealth' | 'outpatient';
  startedAt: Date;
  endedAt: Date;
  department: string | null;
  practitioner: string;
  reason: string;
  summary: string;
  diagnoses: { code: string; display: string }[];
  recordedBy: string;
  sourceOrg: string | null;
}

/**
 * Writes an encounter that another module concluded (a consultation's summary) into the record, in the caller's
 * transaction, as the clinician's entry. Returns its id.
 */
export async function storeEncounter(tx: Executor, encounter: NewEncounter): Promise<string> {
  const id = uuidv7();
  await tx
    .insertInto('encounters')
    .values({
      id,
      org_id: encounter.orgId,
      patient_id: encounter.patientId,
      kind: encounter.kind,
      started_at: encounter.startedAt,
      ended_at: encounter.endedAt,
      department: encounter.department,
      practitioner: encounter.practitioner,
      reason: encounter.reason,
      summary: encounter.summary,
      diagnoses: JSON.stringify(encounter.diagnoses),
      source: 'clinician',
      source_org: encounter.sourceOrg,
      recorded_by: encounter.recordedBy,
      updated_at: new Date(),
    })
    .execute();
  return id;
}
