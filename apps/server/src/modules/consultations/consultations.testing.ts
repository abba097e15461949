import { expect } from 'vitest';
import {
  addPatient,
  createOrg,
  createPatientAccount,
  createStaff,
  signIn,
  type Client,
  type TestApp,
} from '../../../test/harness.ts';
import { uuidv7 } from '../../platform/db/ids.ts';

/**
 * The people of a consultation test: an organization with one department, a doctor of that department, and a
 * patient (registered by a health manager) whose own app account is linked to them as `self`.
 */
export interface ConsultationParties {
  orgId: string;
  departmentId: string;
  doctor: Client;
  doctorAccountId: string;
  patient: Client;
  patientAccountId: string;
  /** The patient's record. */
  patientId: string;
}

export async function createConsultationParties(
  t: TestApp,
  options: {
    /** The server the doctor signs in on (another process over the same database); `t` by default. */
    doctorOn?: TestApp;
    patientName?: string;
    /** The patient account's chosen language (none by default). */
    patientLocale?: 'zh-CN' | 'en-US';
  } = {},
): Promise<ConsultationParties> {
  const orgId = await createOrg(t);
  const departmentId = uuidv7();
  await t.deps.db
    .insertInto('departments')
    .values({ id: departmentId, org_id: orgId, code: 'gp', name_zh: '全科', name_en: 'General Practice' })
    .execute();
  const staff = await createStaff(t, orgId, ['doctor']);
  await t.deps.db
    .updateTable('memberships')
    .set({ department_id: departmentId })
    .where('account_id', '=', staff.id)
    .execute();
  const doctor = await signIn(options.doctorOn ?? t, staff);
  const manager = await signIn(t, await createStaff(t, orgId, ['health_manager']));
  const overrides = options.patientName === undefined ? {} : { name: options.patientName };
  const patientId = (await addPatient(t, manager, overrides)).id;
  const account = await createPatientAccount(t);
  await t.deps.db
    .insertInto('patient_links')
    .values({
      id: uuidv7(),
      org_id: orgId,
      account_id: account.id,
      patient_id: patientId,
      relationship: 'self',
    })
    .execute();
  if (options.patientLocale) {
    await t.deps.db
      .updateTable('accounts')
      .set({ locale: options.patientLocale })
      .where('id', '=', account.id)
      .execute();
  }
  const patient = await signIn(t, account.phone);
  return {
    orgId,
    departmentId,
    doctor,
    doctorAccountId: staff.id,
    patient,
    patientAccountId: account.id,
    patientId,
  };
}

/** The patient opens a consultation with the department and its doctor accepts it; its id. */
export async function openAcceptedConsultation(
  parties: ConsultationParties,
  chiefComplaint: string,
): Promise<string> {
  const { patient, doctor, patientId, departmentId } = parties;
  const opened = await patient.post('/api/v1/consultations', { patientId, departmentId, chiefComplaint });
  expect(opened.statusCode, opened.body).toBe(201);
  const consultationId: string = opened.json().id;
  const accepted = await doctor.post(`/api/v1/consultations/${consultationId}/accept`, {});
  expect(accepted.statusCode, accepted.body).toBe(200);
  return consultationId;
}
