import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/harness.ts';
import {
  addPatient,
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../test/harness.ts';
import { uuidv7 } from '../../platform/db/ids.ts';
import { evaluateFollowUp, type ObservationForRules } from './index.ts';

let t: TestApp;
let orgId: string;
let manager: Client;
let managerId: string;
let admin: Client;
let stranger: Client;
let patientClient: Client;
let patientId: string;

const DAY = 86_400_000;

/** Stores one observation row the way the records writer does, then runs the rules over it. */
async function result(over: Partial<ObservationForRules> & { code: string; valueNum: number | null }) {
  const obs: ObservationForRules = {
    id: uuidv7(),
    patientId,
    codeSystem: 'loinc',
    name: over.code,
    unit: 'mmol/L',
    flag: 'H',
    effectiveAt: new Date(Date.now() - DAY),
    reportId: null,
    source: 'checkup',
    ...over,
  };
  await t.deps.db
    .insertInto('observations')
    .values({
      id: obs.id,
      org_id: orgId,
      patient_id: patientId,
      code_system: obs.codeSystem,
      code: obs.code,
      name: obs.name,
      value_num: obs.valueNum,
      value_text: null,
      unit: obs.unit,
      ref_low: null,
      ref_high: null,
      ref_text: null,
      flag: obs.flag,
      effective_at: obs.effectiveAt,
      source: obs.source,
      source_org: null,
      report_id: obs.reportId,
      device_id: null,
      dedupe_key: obs.id,
      note: null,
      recorded_by: null,
    })
    .execute();
  const outcome = await t.deps.db
    .transaction()
    .execute((tx) => evaluateFollowUp(tx, t.deps, { orgId, patientId, observations: [obs] }));
  return { obs, outcome };
}

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrg(t);
  const managerAccount = await createStaff(t, orgId, ['health_manager']);
  managerId = managerAccount.id;
  manager = await signIn(t, managerAccount);
  admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
  stranger = await signIn(t, await createStaff(t, orgId, ['health_manager']));
  patientId = (await addPatient(t, manager, { name: '随访患者' })).id;
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
});
afterAll(() => t.close());

describe('rules turn results into follow-up work', () => {
  it('gives every organization the default rules, editable by its admin only', async () => {
    const res = await admin.get('/api/v1/followup/rules');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      name: { zh: string };
      builtIn: boolean;
      version: number;
      id: string;
    }[];
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.every((r) => r.builtIn)).toBe(true);
    const ifg = items.find((r) => r.name.zh.startsWith('空腹血糖受损'));
    expect(ifg).toBeDefined();
    expect(
      (await manager.patch(`/api/v1/followup/rules/${ifg!.id}`, { version: 1, dueInDays: 60 })).statusCode,
    ).toBe(403);
  });

  it('fasting glucose 6.4 mmol/L creates a 3-month retest task for the health manager and tells the patient', async () => {
    const { obs, outcome } = await result({ code: '14771-0', valueNum: 6.4 });
    expect(outcome).toEqual({ tasksCreated: 1, alerts: 0 });
    const list = await manager.request('GET', '/api/v1/followup/tasks?view=due', undefined, {
      'accept-language': 'zh-CN',
    });
    expect(list.statusCode).toBe(200);
    const task = list
      .json()
      .items.find((i: { observation: { id: string } | null }) => i.observation?.id === obs.id);
    expect(task).toMatchObject({
      kind: 'retest',
      priority: 'routine',
      status: 'open',
      overdue: false,
      assignee: { id: managerId },
      observation: { value: 6.4, name: '空腹血糖' },
    });
    const due = new Date(task.dueAt).getTime() - obs.effectiveAt.getTime();
    expect(Math.round(due / DAY)).toBe(90);

    const inbox = await patientClient.request('GET', '/api/v1/me/notifications', undefined, {
      'accept-language': 'en-US',
    });
    expect(inbox.json().unreadCount).toBe(1);
    expect(inbox.json().items[0]).toMatchObject({ kind: 'follow_up_task', link: '/records' });
    expect(inbox.json().items[0].body).toContain('6.4 mmol/L');

    // The same result evaluated again (a re-import) creates nothing and notifies nobody twice.
    const again = await t.deps.db
      .transaction()
      .execute((tx) => evaluateFollowUp(tx, t.deps, { orgId, patientId, observations: [obs] }));
    expect(again.tasksCreated).toBe(0);
    expect((await patientClient.get('/api/v1/me/notifications')).json().unreadCount).toBe(1);

    // A newer IFG result while the task is open does not pile up a second retest task.
    expect((await result({ code: '14771-0', valueNum: 6.6 })).outcome.tasksCreated).toBe(0);
  });

  it('fasting glucose 7.8 mmol/L in mg/dL (140) creates an endocrinology referral within 2 weeks', async () => {
    const { outcome } = await result({ code: '1558-6', valueNum: 140, unit: 'mg/dL' });
    expect(outcome.tasksCreated).toBe(1);
    const tasks = (
      await manager.request('GET', `/api/v1/patients/${patientId}/followup-tasks`, undefined, {
        'accept-language': 'en-US',
      })
    ).json().items as { kind: string; department: string | null; title: string }[];
    expect(tasks.find((x) => x.kind === 'referral')).toMatchObject({ department: '内分泌科' });
    expect(tasks.find((x) => x.kind === 'referral')?.title).toContain('endocrinology');
  });

  it('a critical value alerts the care team at once and is due now', async () => {
    await t.deps.db
      .insertInto('care_team')
      .values({
        id: uuidv7(),
        org_id: orgId,
        patient_id: patientId,
        staff_account_id: managerId,
        role: 'health_manager',
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const { outcome } = await result({ code: '2823-3', valueNum: 6.9, flag: 'HH' });
    expect(outcome).toEqual({ tasksCreated: 1, alerts: 1 });
    const list = (await manager.get('/api/v1/followup/tasks?view=all')).json();
    expect(list.items[0]).toMatchObject({ priority: 'critical', kind: 'alert', assignee: { id: managerId } });
    const staffInbox = (
      await manager.request('GET', '/api/v1/me/notifications?unread=true', undefined, {
        'accept-language': 'en-US',
      })
    ).json();
    expect(
      staffInbox.items.some(
        (n: { kind: string; title: string }) => n.kind === 'critical_value' && n.title.includes('6.9'),
      ),
    ).toBe(true);
  });

  it('writes units in the notification as people do (mmHg, not UCUM mm[Hg])', async () => {
    const { outcome } = await result({ code: '8480-6', valueNum: 152, unit: 'mm[Hg]' });
    expect(outcome.tasksCreated).toBe(1);
    const inbox = await patientClient.request('GET', '/api/v1/me/notifications', undefined, {
      'accept-language': 'en-US',
    });
    const bodies = (inbox.json().items as { body: string }[]).map((n) => n.body);
    expect(bodies.some((b) => b.includes('152 mmHg'))).toBe(true);
    expect(bodies.some((b) => b.includes('mm[Hg]'))).toBe(false);
  });

  it('ignores results older than six months', async () => {
    const { outcome } = await result({
      code: '3084-1',
      valueNum: 500,
      unit: 'umol/L',
      effectiveAt: new Date(Date.now() - 400 * DAY),
    });
    expect(outcome.tasksCreated).toBe(0);
  });
});

describe('the worklist closes the loop', () => {
  it('completes a task with an outcome note, refuses a stale version and a second close', async () => {
    const list = (await manager.get('/api/v1/followup/tasks?view=due')).json();
    const task = list.items[0];
    const done = await manager.post(`/api/v1/followup/tasks/${task.id}/complete`, {
      outcome: 'reached',
      note: '已电话联系，预约下周复查',
      version: task.version,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      outcome: 'reached',
      outcomeNote: '已电话联系，预约下周复查',
    });
    const stale = await manager.post(`/api/v1/followup/tasks/${task.id}/cancel`, {
      note: 'x',
      version: task.version,
    });
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const closed = await manager.post(`/api/v1/followup/tasks/${task.id}/cancel`, {
      note: 'x',
      version: task.version + 1,
    });
    expect(closed.statusCode).toBe(409);
    const counts = (await manager.get('/api/v1/followup/tasks?view=done')).json().counts;
    expect(counts.done).toBe(1);
  });

  it("answers bad input with a problem naming the field, and hides other teams' tasks", async () => {
    const list = (await manager.get('/api/v1/followup/tasks?view=due')).json();
    const task = list.items[0];
    const bad = await manager.post(`/api/v1/followup/tasks/${task.id}/complete`, {
      outcome: 'other',
      note: '',
      version: task.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toContain('note');
    expect((await manager.get('/api/v1/followup/tasks?view=nonsense')).statusCode).toBe(400);
    expect((await manager.get('/api/v1/followup/tasks?cursor=%%%')).statusCode).toBe(400);
    // A health manager of the same organization without a care relationship sees none of these tasks.
    expect((await stranger.get('/api/v1/followup/tasks?view=all')).json().items).toEqual([]);
    const taken = await stranger.post(`/api/v1/followup/tasks/${task.id}/complete`, {
      outcome: 'reached',
      note: '',
      version: task.version,
    });
    expect(taken.statusCode).toBe(403);
  });

  it('lets the patient read their advice, not the care team notes', async () => {
    const res = await patientClient.get(`/api/v1/patients/${patientId}/followup-tasks`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => !('outcomeNote' in i) && !('assignee' in i))).toBe(true);
    expect((await patientClient.get('/api/v1/followup/tasks')).statusCode).toBe(403);
  });

  it('validates rules: unknown codes, impossible bounds, units that cannot convert', async () => {
    const base = {
      name: { zh: '尿酸复查', en: 'Uric acid retest' },
      code: '3084-1',
      condition: { min: 480 },
      kind: 'retest',
      priority: 'routine',
      dueInDays: 30,
      advice: { zh: '请复查', en: 'Please retest' },
    };
    expect((await admin.post('/api/v1/followup/rules', base)).statusCode).toBe(201);
    expect(
      (await admin.post('/api/v1/followup/rules', { ...base, code: '0000-0' })).json().errors[0].path,
    ).toBe('code');
    expect((await admin.post('/api/v1/followup/rules', { ...base, unit: 'kg' })).json().errors[0].path).toBe(
      'unit',
    );
    const inverted = await admin.post('/api/v1/followup/rules', { ...base, condition: { min: 5, max: 4 } });
    expect(inverted.statusCode).toBe(400);
  });

  it('marks notifications read one by one and all at once', async () => {
    const inbox = (await patientClient.get('/api/v1/me/notifications')).json();
    const first = inbox.items[0];
    expect((await patientClient.post(`/api/v1/me/notifications/${first.id}/read`, {})).statusCode).toBe(200);
    expect((await manager.post(`/api/v1/me/notifications/${first.id}/read`, {})).statusCode).toBe(404);
    await patientClient.post('/api/v1/me/notifications/read-all', {});
    expect((await patientClient.get('/api/v1/me/notifications')).json().unreadCount).toBe(0);
  });
});
