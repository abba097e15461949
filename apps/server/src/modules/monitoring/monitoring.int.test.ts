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
} from '../../../test/harness.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import type { RecordingRealtime } from '../../platform/realtime/realtime.ts';
import { checkMissingData, escalateDueAlerts, sendMeasurementReminders } from './index.ts';

let t: TestApp;
let orgId: string;
let manager: Client;
let managerId: string;
let doctor: Client;
let doctorId: string;
let onCallId: string;
let admin: Client;
let stranger: Client;
let patientClient: Client;
let patientId: string;
let otherPatientId: string;
let token: string;
let deviceId: string;

const MIN = 60_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

async function deviceBatch(readings: unknown[], bearer = token, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/readings',
    headers: { authorization: `Bearer ${bearer}`, 'accept-language': 'en-US', ...headers },
    payload: { readings },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrg(t);
  const managerAccount = await createStaff(t, orgId, ['health_manager']);
  managerId = managerAccount.id;
  manager = await signIn(t, managerAccount);
  const doctorAccount = await createStaff(t, orgId, ['doctor']);
  doctorId = doctorAccount.id;
  doctor = await signIn(t, doctorAccount);
  onCallId = (await createStaff(t, orgId, ['doctor'])).id;
  admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
  stranger = await signIn(t, await createStaff(t, orgId, ['health_manager']));
  patientId = (await addPatient(t, manager, { name: '监测患者', birthDate: '1960-05-01' })).id;
  otherPatientId = (await addPatient(t, manager, { name: '另一位' })).id;
  // The doctor joins the care team after the health manager: second in the escalation chain.
  await t.deps.db
    .insertInto('care_team')
    .values({
      id: uuidv7(),
      org_id: orgId,
      patient_id: patientId,
      staff_account_id: doctorId,
      role: 'doctor',
    })
    .execute();
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
  patientClient = await signIn(t, account.phone);
  const res = await manager.post(`/api/v1/patients/${patientId}/devices`, {
    kind: 'glucose-meter',
    model: 'Accu-Chek Guide',
    serial: 'GM-0001',
  });
  expect(res.statusCode).toBe(201);
  token = res.json().token;
  deviceId = res.json().id;
});
afterAll(() => t.close());

describe('devices', () => {
  it('shows the token once and never again, and refuses a second device with the same serial', async () => {
    expect(token).toMatch(/^cld_/);
    const list = await manager.get(`/api/v1/patients/${patientId}/devices`);
    expect(list.json().items[0]).toMatchObject({
      id: deviceId,
      tokenHint: token.slice(-4),
      status: 'active',
    });
    expect(JSON.stringify(list.json())).not.toContain(token);
    const again = await manager.post(`/api/v1/patients/${patientId}/devices`, {
      kind: 'glucose-meter',
      model: 'Other',
      serial: 'GM-0001',
    });
    expect(again.statusCode).toBe(409);
  });

  it('answers 401 to an unknown token and to no token, and a staff member outside the care team gets 404', async () => {
    expect((await deviceBatch([], 'cld_nope')).statusCode).toBe(401);
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/readings', payload: { readings: [] } });
    expect(none.statusCode).toBe(401);
    expect((await stranger.get(`/api/v1/patients/${patientId}/devices`)).statusCode).toBe(403);
  });
});

describe('readings from a device', () => {
  it('keeps the valid readings of a batch and names why each bad one was refused', async () => {
    const res = await deviceBatch([
      { id: 'r1', type: 'glucose', takenAt: ago(60 * MIN), value: 6.1, unit: 'mmol/L', context: 'fasting' },
      { id: 'r2', type: 'glucose', takenAt: ago(50 * MIN), value: 126, unit: 'mg/dL' },
      { id: 'r3', type: 'glucose', takenAt: ago(40 * MIN), value: -1, unit: 'mmol/L' },
      { id: 'r4', type: 'blood-pressure', takenAt: ago(30 * MIN), systolic: 400, diastolic: 20 },
      { id: 'r5', type: 'glucose', takenAt: ago(20 * MIN), value: 6, unit: 'g/L' },
      {
        id: 'r6',
        type: 'glucose',
        takenAt: new Date(Date.now() + 3_600_000).toISOString(),
        value: 6,
        unit: 'mmol/L',
      },
      { id: 'r7', type: 'weight', takenAt: '1955-01-01T08:00:00+08:00', value: 60, unit: 'kg' },
      { id: 'r8', type: 'glucose', takenAt: 'yesterday', value: 6, unit: 'mmol/L' },
      'not a reading',
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ received: 9, stored: 2, duplicates: 0 });
    const codes = Object.fromEntries(body.rejected.map((r: { id: string; code: string }) => [r.id, r.code]));
    expect(codes).toEqual({
      r3: 'impossible-value',
      r4: 'impossible-value',
      r5: 'wrong-unit',
      r6: 'future-time',
      r7: 'before-birth',
      r8: 'invalid',
      null: 'invalid',
    });
    const readings = await manager.get(`/api/v1/patients/${patientId}/readings?type=glucose`);
    const values = readings.json().items.map((r: { value: number }) => r.value);
    expect(values).toEqual([6.994, 6.1]);
    expect(readings.json().items[1]).toMatchObject({ context: 'fasting', source: 'device', deviceId });
  });

  it('stores a resent batch once, with or without an Idempotency-Key', async () => {
    const batch = [
      { id: 'bp-1', type: 'blood-pressure', takenAt: ago(10 * MIN), systolic: 128, diastolic: 82, pulse: 70 },
    ];
    const first = await deviceBatch(batch, token, { 'idempotency-key': 'batch-000001' });
    expect(first.json()).toMatchObject({ stored: 1, duplicates: 0 });
    const replay = await deviceBatch(batch, token, { 'idempotency-key': 'batch-000001' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const resent = await deviceBatch(batch);
    expect(resent.json()).toMatchObject({ stored: 0, duplicates: 1 });
    const rows = await t.deps.db
      .selectFrom('observations')
      .select(['code'])
      .where('patient_id', '=', patientId)
      .where('dedupe_key', 'like', `rd:${deviceId}:bp-1#%`)
      .execute();
    expect(rows.map((r) => r.code).sort()).toEqual(['8462-4', '8480-6', '8867-4']);
  });

  it("writes only its own patient's record", async () => {
    await deviceBatch([{ id: 'own', type: 'weight', takenAt: ago(5 * MIN), value: 70, unit: 'kg' }]);
    const other = await t.deps.db
      .selectFrom('observations')
      .select('id')
      .where('patient_id', '=', otherPatientId)
      .execute();
    expect(other).toHaveLength(0);
  });
});

describe('alerts', () => {
  let alertId: string;

  it('raises an urgent alert for a dangerous value, tells the patient what to do and pushes it to the console', async () => {
    const realtime = t.deps.realtime as RecordingRealtime;
    const res = await deviceBatch([
      { id: 'low-1', type: 'glucose', takenAt: ago(2 * MIN), value: 2.6, unit: 'mmol/L' },
    ]);
    const body = res.json();
    const urgent = body.alerts.find((a: { severity: string }) => a.severity === 'urgent');
    expect(urgent.patientAdvice).toMatch(/15 g/);
    alertId = urgent.id;
    // Urgent supersedes the warning-level low rule on the same reading.
    expect(body.alerts).toHaveLength(1);
    const pushed = realtime.sent.filter(
      (s) => s.event.type === 'alerts.alert.created' && s.namespace === 'console',
    );
    expect(pushed.at(-1)).toMatchObject({ namespace: 'console', event: { id: alertId, severity: 'urgent' } });
    expect(pushed.at(-1)!.target.accountIds).toEqual(expect.arrayContaining([managerId, doctorId]));
    const inbox = await patientClient.get('/api/v1/me/notifications');
    expect(JSON.stringify(inbox.json())).toMatch(/15 g|15 克/);
  });

  it('folds later readings of the same episode into the open alert', async () => {
    const res = await deviceBatch([
      { id: 'low-2', type: 'glucose', takenAt: ago(1 * MIN), value: 2.8, unit: 'mmol/L' },
    ]);
    expect(res.json().alerts).toEqual([expect.objectContaining({ id: alertId })]);
    const detail = await manager.get(`/api/v1/alerts/${alertId}`);
    expect(detail.json()).toMatchObject({ readingCount: 2, status: 'open', assignedTo: { id: managerId } });
    expect(
      detail
        .json()
        .readings.map((r: { value: number }) => r.value)
        .sort(),
    ).toEqual([2.6, 2.8]);
    expect(detail.json().events.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(['created', 'folded', 'assigned', 'patient-notified']),
    );
  });

  it('lists alerts for the care team only', async () => {
    const mine = await manager.get('/api/v1/alerts?status=active');
    expect(mine.json().items.map((a: { id: string }) => a.id)).toContain(alertId);
    const theirs = await stranger.get('/api/v1/alerts?status=active');
    expect(theirs.json().items).toHaveLength(0);
    expect((await stranger.get(`/api/v1/alerts/${alertId}`)).statusCode).toBe(404);
  });

  it('escalates an unacknowledged urgent alert to the next person, then to the on-call doctor', async () => {
    expect(
      (
        await admin.request('PUT', '/api/v1/monitoring/settings', {
          escalateAfterMinutes: 5,
          onCallAccountId: onCallId,
        })
      ).statusCode,
    ).toBe(200);
    const later = new Date(Date.now() + 16 * MIN);
    expect(await escalateDueAlerts(t.deps, later)).toBe(1);
    let row = await t.deps.db
      .selectFrom('alerts')
      .selectAll()
      .where('id', '=', alertId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ assigned_to: doctorId, escalation_level: 1 });
    expect(await escalateDueAlerts(t.deps, new Date(later.getTime() + 6 * MIN))).toBe(1);
    row = await t.deps.db
      .selectFrom('alerts')
      .selectAll()
      .where('id', '=', alertId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ assigned_to: onCallId, escalation_level: 2, escalate_at: null });
    expect(await escalateDueAlerts(t.deps, new Date(later.getTime() + 60 * MIN))).toBe(0);
    const notes = await t.deps.db
      .selectFrom('notifications')
      .select('account_id')
      .where('dedupe_key', 'like', `alert:${alertId}:assigned:%`)
      .execute();
    expect(notes.map((n) => n.account_id).sort()).toEqual([managerId, doctorId, onCallId].sort());
  });

  it('is acknowledged, then resolved with a note and an action that messages the patient', async () => {
    const ack = await doctor.post(`/api/v1/alerts/${alertId}/acknowledge`);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: doctorId } });
    const bad = await doctor.post(`/api/v1/alerts/${alertId}/resolve`, {
      note: '',
      action: 'message-patient',
    });
    expect(bad.statusCode).toBe(400);
    const stale = await doctor.post(`/api/v1/alerts/${alertId}/resolve`, {
      note: 'x',
      action: 'no-action',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const done = await doctor.post(`/api/v1/alerts/${alertId}/resolve`, {
      note: '已电话联系，已进食，复测 5.2',
      action: 'message-patient',
    });
    expect(done.json()).toMatchObject({ status: 'resolved', resolutionAction: 'message-patient' });
    expect((await doctor.post(`/api/v1/alerts/${alertId}/acknowledge`)).statusCode).toBe(409);
    const inbox = await patientClient.get('/api/v1/me/notifications');
    expect(JSON.stringify(inbox.json())).toContain('复测 5.2');
  });
});

describe('readings typed by the patient', () => {
  it('are self-reported, idempotent, and return advice for urgent values', async () => {
    const body = {
      readings: [
        { id: uuidv7(), type: 'blood-pressure', takenAt: ago(MIN), systolic: 186, diastolic: 112, pulse: 88 },
      ],
    };
    const headers = { 'idempotency-key': `app-${uuidv7()}` };
    const first = await patientClient.request(
      'POST',
      `/api/v1/patients/${patientId}/readings`,
      body,
      headers,
    );
    expect(first.statusCode).toBe(200);
    expect(first.json().alerts[0]).toMatchObject({ severity: 'urgent' });
    const replay = await patientClient.request(
      'POST',
      `/api/v1/patients/${patientId}/readings`,
      body,
      headers,
    );
    expect(replay.json()).toEqual(first.json());
    const list = await patientClient.get(`/api/v1/patients/${patientId}/readings?type=blood-pressure`);
    expect(list.json().items[0]).toMatchObject({ systolic: 186, diastolic: 112, pulse: 88, source: 'self' });
    expect(
      (await patientClient.request('POST', `/api/v1/patients/${otherPatientId}/readings`, body)).statusCode,
    ).toBe(404);
  });
});

describe('rules per patient', () => {
  it('lets the doctor change a limit with a reason and reset it; bad changes are refused', async () => {
    const rules = await doctor.get(`/api/v1/patients/${patientId}/monitoring/rules`);
    expect(rules.json().items.find((r: { key: string }) => r.key === 'glucose-low')).toMatchObject({
      value: 3.9,
      overridden: false,
    });
    const changed = await doctor.request(
      'PUT',
      `/api/v1/patients/${patientId}/monitoring/rules/glucose-low`,
      {
        value: 4.4,
        reason: '老年患者，放宽低血糖阈值',
      },
    );
    expect(changed.json()).toMatchObject({ value: 4.4, overridden: true });
    const invalid = await doctor.request(
      'PUT',
      `/api/v1/patients/${patientId}/monitoring/rules/glucose-low`,
      {
        count: 3,
        reason: 'x',
      },
    );
    expect(invalid.statusCode).toBe(422);
    expect(
      (
        await manager.request('PUT', `/api/v1/patients/${patientId}/monitoring/rules/glucose-low`, {
          value: 4,
          reason: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const res = await deviceBatch([
      { id: 'low-4.2', type: 'glucose', takenAt: ago(30_000), value: 4.2, unit: 'mmol/L' },
    ]);
    expect(res.json().alerts).toEqual([expect.objectContaining({ severity: 'warning' })]);
    const reset = await doctor.delete(`/api/v1/patients/${patientId}/monitoring/rules/glucose-low`);
    expect(reset.json()).toMatchObject({ value: 3.9, overridden: false });
  });
});

describe('metrics and the board', () => {
  it('summarises CGM data with time in range, GMI and an AGP', async () => {
    const cgm = await manager.post(`/api/v1/patients/${otherPatientId}/devices`, {
      kind: 'cgm',
      model: 'Libre 2',
      serial: 'CGM-1',
    });
    const cgmToken = cgm.json().token as string;
    const start = Date.now() - 14 * 86_400_000;
    const readings = [];
    for (let i = 0; i < 14 * 96; i++) {
      const at = start + i * 15 * MIN;
      const hour = new Date(at).getUTCHours();
      readings.push({
        id: `cgm-${i}`,
        type: 'glucose',
        context: 'cgm',
        takenAt: new Date(at).toISOString(),
        value: 5.5 + (hour >= 4 && hour < 6 ? 5.5 : 0) + (i % 7) * 0.1,
        unit: 'mmol/L',
      });
    }
    for (let i = 0; i < readings.length; i += 1000) {
      const r = await deviceBatch(readings.slice(i, i + 1000), cgmToken);
      expect(r.json().rejected).toEqual([]);
    }
    const summary = await manager.get(`/api/v1/patients/${otherPatientId}/monitoring/summary?days=14`);
    expect(summary.statusCode, summary.body).toBe(200);
    const g = summary.json().glucose;
    expect(g.readings).toBeGreaterThan(1300);
    expect(g.percent.inRange).toBeGreaterThan(80);
    expect(g.percent.high).toBeGreaterThan(5);
    expect(g.gmiPercent).toBeGreaterThan(5.5);
    expect(g.agp).toHaveLength(24);
    const highHour = g.agp.find((b: { minute: number }) => b.minute === 12 * 60 + 60);
    expect(highHour.p50).toBeGreaterThan(10);
  });

  it('sorts the board by risk', async () => {
    const res = await manager.get('/api/v1/monitoring/board');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { patientId: string; status: string }[];
    expect(items[0]).toMatchObject({ patientId: patientId, status: 'urgent' });
    expect(res.json().counts.urgent).toBe(1);
  });

  it('raises a missing-data alert for a patient on a plan who stopped measuring', async () => {
    const plan = await manager.request('PUT', `/api/v1/patients/${otherPatientId}/monitoring/plan`, {
      metrics: ['systolic'],
      reminders: [{ type: 'blood-pressure', times: ['07:00', '19:00'] }],
    });
    expect(plan.statusCode).toBe(200);
    await t.deps.db
      .updateTable('monitoring_plans')
      .set({ started_at: new Date(Date.now() - 10 * 86_400_000) })
      .where('patient_id', '=', otherPatientId)
      .execute();
    expect(await checkMissingData(t.deps)).toBe(1);
    expect(await checkMissingData(t.deps)).toBe(0);
    const alerts = await manager.get(`/api/v1/alerts?patientId=${otherPatientId}`);
    expect(alerts.json().items[0]).toMatchObject({ kind: 'missing-data' });
    await manager.post(`/api/v1/patients/${otherPatientId}/readings`, {
      readings: [{ id: 'resume', type: 'blood-pressure', takenAt: ago(MIN), systolic: 120, diastolic: 78 }],
    });
    const after = await manager.get(`/api/v1/alerts?patientId=${otherPatientId}&status=resolved`);
    expect(after.json().items[0]).toMatchObject({ kind: 'missing-data', status: 'resolved' });
  });

  it('reminds the patient to measure at the times of their plan, once, and not after a recent reading', async () => {
    await manager.request('PUT', `/api/v1/patients/${patientId}/monitoring/plan`, {
      metrics: ['glucose'],
      reminders: [{ type: 'glucose', times: ['07:00'] }],
    });
    // 07:05 in Beijing tomorrow: due, and no glucose reading in the two hours before.
    const tomorrow = new Date(Date.now() + 86_400_000);
    const at = new Date(`${tomorrow.toISOString().slice(0, 10)}T07:05:00+08:00`);
    await sendMeasurementReminders(t.deps, at);
    await sendMeasurementReminders(t.deps, new Date(at.getTime() + 5 * MIN));
    const notes = await t.deps.db
      .selectFrom('notifications')
      .select(['title_en'])
      .where('kind', '=', 'measurement_reminder')
      .where('patient_id', '=', patientId)
      .execute();
    expect(notes).toEqual([{ title_en: 'Time to measure your blood glucose' }]);
    // At 08:00 nothing is due.
    await sendMeasurementReminders(t.deps, new Date(at.getTime() + 55 * MIN));
    expect(
      await t.deps.db
        .selectFrom('notifications')
        .select('id')
        .where('kind', '=', 'measurement_reminder')
        .where('patient_id', '=', patientId)
        .execute(),
    ).toHaveLength(1);
  });

  it('folds a whole hypoglycaemia in one batch into one urgent alert', async () => {
    const start = Date.now() - 20 * MIN;
    const res = await deviceBatch(
      [5.0, 3.7, 3.2, 2.8, 2.6, 3.3, 5.1].map((value, i) => ({
        id: `episode-${i}`,
        type: 'glucose',
        takenAt: new Date(start + i * 2 * MIN).toISOString(),
        value,
        unit: 'mmol/L',
      })),
    );
    expect(res.json().alerts, JSON.stringify(res.json().alerts)).toEqual([
      expect.objectContaining({ severity: 'urgent' }),
    ]);
  });
});
