import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addPatient,
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from './harness.ts';

/**
 * For every route that reaches one patient's data, three intruders must get 403 or 404 and none of the data:
 * a patient of another family, a staff member of another organization, and a colleague in the same organization
 * without a care relationship. A new patient-data route without a sample request here fails the first test.
 */
const SAMPLE_BODIES: Record<string, (ctx: { staffId: string }) => unknown> = {
  'GET /api/v1/patients/:id': () => undefined,
  'GET /api/v1/patients/:id/followup-tasks': () => undefined,
  'PATCH /api/v1/patients/:id': () => ({ version: 1, name: 'Intruder' }),
  'GET /api/v1/patients/:id/care-team': () => undefined,
  'POST /api/v1/patients/:id/care-team': ({ staffId }) => ({ staffId, role: 'attending' }),
  'DELETE /api/v1/patients/:id/care-team/:staffId': () => undefined,
  'GET /api/v1/patients/:id/proxy-grants': () => undefined,
  'POST /api/v1/patients/:id/proxy-grants': () => ({
    grantee: '13900000000',
    scopes: ['view'],
    expiresAt: '2099-01-01T00:00:00Z',
  }),
  'POST /api/v1/patients/:id/proxy-grants/:grantId/revoke': () => undefined,
  'GET /api/v1/patients/:id/checkups': () => undefined,
  'GET /api/v1/patients/:id/checkups/:reportId': () => undefined,
  'GET /api/v1/patients/:id/checkups/:reportId/summary.pdf': () => undefined,
  ...recordEntrySamples(),
};
function recordEntrySamples() {
  const samples: Record<string, () => unknown> = {};
  const bodies: Record<string, unknown> = {
    conditions: { display: 'Intruder' },
    allergies: { substance: 'Intruder', category: 'drug' },
    medications: { name: 'Intruder' },
    procedures: { name: 'Intruder' },
    'family-history': { relation: 'father', display: 'Intruder' },
    encounters: { kind: 'outpatient', startedAt: '2024-01-01T00:00:00Z' },
  };
  for (const [path, body] of Object.entries(bodies)) {
    samples[`GET /api/v1/patients/:id/${path}`] = () => undefined;
    samples[`POST /api/v1/patients/:id/${path}`] = () => body;
    samples[`PATCH /api/v1/patients/:id/${path}/:entryId`] = () => ({ version: 1, ...(body as object) });
    samples[`DELETE /api/v1/patients/:id/${path}/:entryId`] = () => undefined;
  }
  samples['GET /api/v1/patients/:id/observations'] = () => undefined;
  samples['GET /api/v1/patients/:id/observations/series'] = () => undefined;
  samples['GET /api/v1/patients/:id/observations/codes'] = () => undefined;
  samples['POST /api/v1/patients/:id/observations'] = () => ({
    code: '8480-6',
    value: 120,
    effectiveAt: '2024-01-01T00:00:00Z',
  });
  samples['POST /api/v1/patients/:id/observations/:obsId/entered-in-error'] = () => undefined;
  samples['GET /api/v1/patients/:id/timeline'] = () => undefined;
  samples['GET /api/v1/patients/:id/summary'] = () => undefined;
  samples['GET /api/v1/patients/:id/lifestyle'] = () => undefined;
  samples['POST /api/v1/patients/:id/lifestyle'] = () => ({ smoking: 'never' });
  samples['POST /api/v1/patients/:id/documents'] = () => undefined;
  samples['GET /api/v1/patients/:id/documents'] = () => undefined;
  samples['GET /api/v1/patients/:id/documents/:docId/content'] = () => undefined;
  samples['DELETE /api/v1/patients/:id/documents/:docId'] = () => undefined;
  samples['GET /api/v1/patients/:id/export.json'] = () => undefined;
  samples['GET /api/v1/patients/:id/export.pdf'] = () => undefined;
  return samples;
}
// Break-glass is the audited way in by design: it is tested in the patients module, not an intrusion here.
const now = new Date().toISOString();
Object.assign(SAMPLE_BODIES, {
  'GET /api/v1/patients/:patientId/readings': () => undefined,
  'POST /api/v1/patients/:patientId/readings': () => ({
    readings: [{ id: 'intruder', type: 'weight', takenAt: now, value: 70, unit: 'kg' }],
  }),
  'GET /api/v1/patients/:patientId/devices': () => undefined,
  'POST /api/v1/patients/:patientId/devices': () => ({ kind: 'scale', model: 'X', serial: 'INTRUDER-1' }),
  'POST /api/v1/patients/:patientId/devices/:deviceId/token': () => undefined,
  'DELETE /api/v1/patients/:patientId/devices/:deviceId': () => undefined,
  'GET /api/v1/patients/:patientId/monitoring/summary': () => undefined,
  'GET /api/v1/patients/:patientId/monitoring/plan': () => undefined,
  'PUT /api/v1/patients/:patientId/monitoring/plan': () => ({ metrics: ['weight'], reminders: [] }),
  'GET /api/v1/patients/:patientId/monitoring/rules': () => undefined,
  'PUT /api/v1/patients/:patientId/monitoring/rules/:ruleKey': () => ({ value: 4, reason: 'intruder' }),
  'DELETE /api/v1/patients/:patientId/monitoring/rules/:ruleKey': () => undefined,
  'POST /api/v1/patients/:patientId/monitoring/imports': () => ({
    kind: 'apple-health',
    fileName: 'export.xml',
    sizeBytes: 100,
  }),
  'PUT /api/v1/patients/:patientId/monitoring/imports/:importId/parts/:n': () => undefined,
  'POST /api/v1/patients/:patientId/monitoring/imports/:importId/complete': () => undefined,
  'GET /api/v1/patients/:patientId/monitoring/imports/:importId': () => undefined,
  'POST /api/v1/patients/:patientId/monitoring/csv': () => undefined,
} satisfies Record<string, (ctx: { staffId: string }) => unknown>);
const SOME_ID = '0190a6c0-0000-7000-8000-000000000000';
const rxItem = {
  drugId: SOME_ID,
  dose: { value: 5, unit: 'mg' },
  frequency: 'qd',
  overrideReason: 'intruder',
};
Object.assign(SAMPLE_BODIES, {
  'POST /api/v1/patients/:patientId/prescriptions/check': () => ({ items: [rxItem] }),
  'POST /api/v1/patients/:patientId/prescriptions': () => ({ items: [rxItem] }),
  'GET /api/v1/patients/:patientId/prescriptions': () => undefined,
  'GET /api/v1/patients/:patientId/prescriptions/:prescriptionId': () => undefined,
  'POST /api/v1/patients/:patientId/prescriptions/:prescriptionId/revise': () => ({ items: [rxItem] }),
  'POST /api/v1/patients/:patientId/prescriptions/:prescriptionId/cancel': () => ({ reason: 'intruder' }),
  'GET /api/v1/patients/:patientId/addresses': () => undefined,
  'POST /api/v1/patients/:patientId/addresses': () => ({
    recipient: 'Intruder',
    phone: '13900000000',
    address: 'Nowhere 1',
  }),
  'DELETE /api/v1/patients/:patientId/addresses/:addressId': () => undefined,
  'POST /api/v1/patients/:patientId/medication-orders': () => ({
    prescriptionId: SOME_ID,
    fulfilment: 'pickup',
  }),
  'GET /api/v1/patients/:patientId/medication-orders': () => undefined,
  'GET /api/v1/patients/:patientId/medication-schedules': () => undefined,
  'GET /api/v1/patients/:patientId/doses/today': () => undefined,
  'GET /api/v1/patients/:patientId/adherence': () => undefined,
  'POST /api/v1/patients/:patientId/adverse-reactions': () => ({
    prescriptionItemId: SOME_ID,
    symptoms: 'intruder',
    severity: 'mild',
    startedAt: now,
  }),
  'GET /api/v1/patients/:patientId/adverse-reactions': () => undefined,
  'POST /api/v1/patients/:patientId/refill-requests': () => ({ prescriptionId: SOME_ID }),
  'GET /api/v1/patients/:patientId/refill-requests': () => undefined,
} satisfies Record<string, (ctx: { staffId: string }) => unknown>);

const BY_DESIGN = new Set(['POST /api/v1/patients/:id/break-glass']);

let t: TestApp;
let patientId: string;
let patientName: string;
const intruders: Record<string, Client> = {};
let careTeamStaffId: string;
let grantId: string;

beforeAll(async () => {
  t = await createTestApp();
  const orgId = await createOrg(t);
  const doctor = await createStaff(t, orgId, ['doctor']);
  careTeamStaffId = doctor.id;
  const doctorClient = await signIn(t, doctor);

  const owner = await createPatientAccount(t);
  const ownerClient = await signIn(t, owner.phone);
  patientName = '矩阵患者';
  const self = await ownerClient.post('/api/v1/me/family-members', {
    relationship: 'self',
    profile: { name: patientName, sex: 'female', birthDate: '1975-05-05', phone: '13655556666' },
  });
  patientId = self.json().id;
  const proxy = await createPatientAccount(t);
  grantId = (
    await ownerClient.post(`/api/v1/patients/${patientId}/proxy-grants`, {
      grantee: proxy.phone,
      scopes: ['view'],
      expiresAt: '2099-01-01T00:00:00Z',
    })
  ).json().id;
  // Put the patient on the doctor's care team through the org admin.
  const admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
  expect(
    (await admin.post(`/api/v1/patients/${patientId}/care-team`, { staffId: doctor.id, role: 'attending' }))
      .statusCode,
  ).toBe(201);
  expect((await doctorClient.get(`/api/v1/patients/${patientId}`)).statusCode).toBe(200);
  await addPatient(t, doctorClient);

  intruders['patient of another family'] = await signIn(t, (await createPatientAccount(t)).phone);
  intruders['staff of another organization'] = await signIn(
    t,
    await createStaff(t, await createOrg(t), ['doctor', 'nurse']),
  );
  intruders['colleague without care relationship'] = await signIn(
    t,
    await createStaff(t, orgId, ['doctor', 'nurse', 'health_manager']),
  );
});
afterAll(() => t.close());

function patientRoutes() {
  return t.app.routeTable
    .filter((r) => /^\/api\/v1\/patients\/:(id|patientId)(\/|$)/.test(r.url))
    .map((r) => `${r.method} ${r.url}`)
    .filter((key) => !BY_DESIGN.has(key));
}

describe('patient data access matrix', () => {
  it('has a sample request for every patient-data route', () => {
    expect(patientRoutes().filter((k) => !(k in SAMPLE_BODIES))).toEqual([]);
  });

  for (const who of [
    'patient of another family',
    'staff of another organization',
    'colleague without care relationship',
  ]) {
    it(`refuses a ${who} on every patient-data route, with no data`, async () => {
      for (const key of patientRoutes()) {
        const [method, template] = key.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string];
        const url = template
          .replace(/:(id|patientId)(?=\/|$)/, patientId)
          .replace(':ruleKey', 'glucose-low')
          .replace(':n', '0')
          .replace(':staffId', careTeamStaffId)
          .replace(':grantId', grantId)
          .replace(/:\w+/g, '0190a6c0-0000-7000-8000-000000000000');
        const raw = key.endsWith('/parts/:n');
        const body = raw ? Buffer.from('x') : SAMPLE_BODIES[key]!({ staffId: careTeamStaffId });
        const headers: Record<string, string> = raw ? { 'content-type': 'application/octet-stream' } : {};
        const res = await intruders[who]!.request(method, url, body, headers);
        expect([403, 404], `${who}: ${key} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        expect(res.body).not.toContain(patientName);
        expect(res.body).not.toContain('13655556666');
      }
    });
  }

  it('left the record untouched', async () => {
    const row = await t.deps.db
      .selectFrom('patients')
      .select(['name', 'version'])
      .where('id', '=', patientId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: patientName, version: 1 });
    const team = await t.deps.db
      .selectFrom('care_team')
      .select('id')
      .where('patient_id', '=', patientId)
      .where('removed_at', 'is', null)
      .execute();
    expect(team).toHaveLength(1);
  });
});
