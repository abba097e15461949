import { expect } from 'vitest';
import {
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../test/harness.ts';

/**
 * A world for the record's integration tests: a patient who signed up in the app (own profile), a doctor on their
 * care team, and three outsiders who must never reach the record: another family's patient, a colleague without a
 * care relationship, and a doctor of another organization.
 */
export interface RecordWorld {
  t: TestApp;
  orgId: string;
  patientId: string;
  patient: Client;
  patientAccountId: string;
  doctor: Client;
  doctorId: string;
  strangerPatient: Client;
  colleague: Client;
  otherOrgDoctor: Client;
}

export async function createRecordWorld(
  profile: { sex?: 'male' | 'female'; birthDate?: string } = {},
): Promise<RecordWorld> {
  const t = await createTestApp();
  const orgId = await createOrg(t);
  const doctorAccount = await createStaff(t, orgId, ['doctor']);
  const doctor = await signIn(t, doctorAccount);
  const account = await createPatientAccount(t);
  const patient = await signIn(t, account.phone);
  const self = await patient.post('/api/v1/me/family-members', {
    relationship: 'self',
    profile: {
      name: '档案患者',
      sex: profile.sex ?? 'male',
      birthDate: profile.birthDate ?? '1970-06-15',
    },
  });
  expect(self.statusCode, self.body).toBe(201);
  const patientId = (self.json() as { id: string }).id;
  const admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
  const added = await admin.post(`/api/v1/patients/${patientId}/care-team`, {
    staffId: doctorAccount.id,
    role: 'attending',
  });
  expect(added.statusCode, added.body).toBe(201);
  return {
    t,
    orgId,
    patientId,
    patient,
    patientAccountId: account.id,
    doctor,
    doctorId: doctorAccount.id,
    strangerPatient: await signIn(t, (await createPatientAccount(t)).phone),
    colleague: await signIn(t, await createStaff(t, orgId, ['doctor', 'nurse'])),
    otherOrgDoctor: await signIn(t, await createStaff(t, await createOrg(t), ['doctor'])),
  };
}

/** The three outsiders, by name, for table-driven refusals. */
export function outsiders(w: RecordWorld): [string, Client][] {
  return [
    ['a patient of another family', w.strangerPatient],
    ['a colleague without a care relationship', w.colleague],
    ['a doctor of another organization', w.otherOrgDoctor],
  ];
}

/** Audit actions written for this patient, oldest first. */
export async function auditActions(w: RecordWorld): Promise<string[]> {
  const rows = await w.t.deps.db
    .selectFrom('audit_events')
    .select('action')
    .where('patient_id', '=', w.patientId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}
