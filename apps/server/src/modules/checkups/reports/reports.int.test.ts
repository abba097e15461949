import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckupItem, CheckupReportDetail, CheckupReportSummary } from '@careloop/contracts';
import {
  createOrg,
  createPatientAccount,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../../test/harness.ts';
import { extractPdfText } from '../../../platform/pdf/pdf-text.testing.ts';
import { importFiles, personRows, residentId, templateCsv } from '../checkups.testing.ts';

let t: TestApp;
let manager: Client;
let colleague: Client;
let owner: Client;
let stranger: Client;
let patientId: string;
let newest: string;

const person = {
  name: '李雷',
  sex: 'male',
  birthDate: '1968-05-12',
  nationalId: residentId('1968-05-12', 'male', 9),
} as const;

const year1: [string, string, string, string, string?][] = [
  ['空腹血糖', '5.8', 'mmol/L', '3.9-6.1'],
  ['谷丙转氨酶', '45', 'U/L', '9-50'],
  ['低密度脂蛋白胆固醇(直接法)', '3.9', 'mmol/L', '<3.4', '↑'],
  ['尿酸', '430', 'μmol/L', '208-428', '↑'],
  ['血红蛋白', '151', 'g/L', '130-175'],
];
const year2: [string, string, string, string, string?][] = [
  ['空腹血糖', '7.2', 'mmol/L', '3.9-6.1', '↑'],
  ['谷丙转氨酶', '62', 'U/L', '9-50', '↑'],
  ['低密度脂蛋白胆固醇(直接法)', '3.6', 'mmol/L', '<3.4', '↑'],
  ['尿酸', '400', 'μmol/L', '208-428'],
  ['血红蛋白', '150', 'g/L', '130-175'],
];

// Recent dates: follow-up rules act on results of the last months, not on old history.
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const LAST_YEAR = daysAgo(400);
const RECENT = daysAgo(30);

const detailUrl = () => `/api/v1/patients/${patientId}/checkups/${newest}`;
const itemByCode = (detail: CheckupReportDetail, code: string) =>
  detail.items.find((i) => i.code === code) as CheckupItem;

beforeAll(async () => {
  t = await createTestApp();
  const orgId = await createOrg(t);
  const account = await createPatientAccount(t);
  owner = await signIn(t, account.phone);
  const self = await owner.post('/api/v1/me/family-members', {
    relationship: 'self',
    profile: {
      name: person.name,
      sex: person.sex,
      birthDate: person.birthDate,
      nationalId: person.nationalId,
    },
  });
  expect(self.statusCode).toBe(201);
  patientId = self.json().id;

  const managerStaff = await createStaff(t, orgId, ['health_manager']);
  manager = await signIn(t, managerStaff);
  const admin = await signIn(t, await createStaff(t, orgId, ['org_admin']));
  await admin.post(`/api/v1/patients/${patientId}/care-team`, {
    staffId: managerStaff.id,
    role: 'health_manager',
  });
  colleague = await signIn(t, await createStaff(t, orgId, ['doctor']));
  stranger = await signIn(t, (await createPatientAccount(t)).phone);

  const csv = templateCsv([
    ...personRows(person, { reportNo: 'TJ2024-1', date: LAST_YEAR }, year1),
    ...personRows(person, { reportNo: 'TJ2025-1', date: RECENT }, year2),
  ]);
  const job = await importFiles(manager, [{ name: 'two-years.csv', content: csv }]);
  expect(job).toMatchObject({ status: 'done', reportsCreated: 2, itemsStored: 10 });
  const list = (await manager.get(`/api/v1/patients/${patientId}/checkups`)).json().items;
  newest = list[0].id;
});
afterAll(() => t.close());

describe("a patient's checkup reports", () => {
  it('lists the reports newest first with the changes against the previous checkup', async () => {
    const res = await manager.get(`/api/v1/patients/${patientId}/checkups`);
    const items = res.json().items as CheckupReportSummary[];
    expect(items.map((r) => r.externalId)).toEqual(['TJ2025-1', 'TJ2024-1']);
    expect(items[0]).toMatchObject({
      itemCount: 5,
      abnormalCount: 3,
      newAbnormalCount: 2,
      worseCount: 0,
      betterCount: 1,
      resolvedCount: 1,
    });
    expect(items[1]).toMatchObject({ abnormalCount: 2, newAbnormalCount: 0, worseCount: 0 });
  });

  it('shows the newest report abnormal first, explained in Chinese and compared with last year', async () => {
    const detail = (
      await manager.request('GET', detailUrl(), undefined, { 'accept-language': 'zh-CN' })
    ).json();
    const flags = detail.items.map((i: CheckupItem) => i.flag);
    expect(flags.slice(0, 3).every((f: string) => f !== 'N')).toBe(true);
    const glucose = itemByCode(detail, '14771-0');
    expect(glucose).toMatchObject({
      name: '空腹血糖',
      valueNum: 7.2,
      flag: 'H',
      comparison: { previousValue: '5.8', previousFlag: 'N', change: 'new' },
    });
    expect(glucose.explanation?.flagText).toBe('偏高');
    expect(glucose.explanation?.measures).toMatch(/[\u4e00-\u9fff]/);
    expect(glucose.explanation?.nextSteps.length).toBeGreaterThan(5);
    expect(itemByCode(detail, '18262-6').comparison?.change).toBe('better');
    expect(itemByCode(detail, '3084-1')).toMatchObject({ flag: 'N', comparison: { change: 'resolved' } });
    expect(itemByCode(detail, '3084-1').explanation).toBeUndefined();
    expect(detail.report.previousReport).toMatchObject({ id: expect.any(String) });
    const trend = detail.trends.find((tr: { code: string }) => tr.code === '14771-0');
    expect(trend.points.map((p: { value: number }) => p.value)).toEqual([5.8, 7.2]);
  });

  it('explains the same report in English', async () => {
    const detail = (
      await manager.request('GET', detailUrl(), undefined, { 'accept-language': 'en-US' })
    ).json();
    const alt = itemByCode(detail, '1742-6');
    expect(alt.name).toBe('Alanine aminotransferase (ALT)');
    expect(alt.explanation).toMatchObject({ flagText: 'High' });
    expect(alt.explanation?.meaning).toMatch(/liver/i);
    expect(alt.explanation?.sources.length).toBeGreaterThan(0);
  });

  it('lists the follow-up tasks the rules created from the report', async () => {
    const detail = (await manager.get(detailUrl())).json() as CheckupReportDetail;
    // Fasting glucose 7.2 mmol/L (>= 7.0, CDS 2020) is a default rule of every organization.
    expect(detail.followUpTasks.length).toBeGreaterThan(0);
    expect(detail.followUpTasks.every((task) => task.reportId === newest)).toBe(true);
    expect(detail.followUpTasks.map((task) => task.observation?.code)).toContain('14771-0');
  });

  it('prints a summary PDF with the abnormal item and its explanation', async () => {
    const res = await manager.get(`${detailUrl()}/summary.pdf?lang=zh-CN`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const detail = (
      await manager.request('GET', detailUrl(), undefined, { 'accept-language': 'zh-CN' })
    ).json();
    const text = (await extractPdfText(res.rawPayload)).pages.join('\n').replace(/\s+/g, '');
    expect(text).toContain('空腹血糖');
    expect(text).toContain('李雷');
    expect(text).toContain(
      itemByCode(detail, '14771-0').explanation!.nextSteps.replace(/\s+/g, '').slice(0, 12),
    );
    expect(text).not.toContain(person.nationalId);
    expect(text).toContain(person.nationalId.slice(-4));
  });

  it('lets the patient read the report and download the PDF on the phone', async () => {
    const list = await owner.get(`/api/v1/patients/${patientId}/checkups`);
    expect(list.json().items).toHaveLength(2);
    const detail = await owner.request('GET', detailUrl(), undefined, { 'accept-language': 'en-US' });
    expect(detail.statusCode).toBe(200);
    expect(itemByCode(detail.json(), '14771-0').explanation?.flagText).toBe('High');
    const pdf = await owner.get(`${detailUrl()}/summary.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a stranger and a colleague outside the care team, with no data', async () => {
    for (const url of [`/api/v1/patients/${patientId}/checkups`, detailUrl(), `${detailUrl()}/summary.pdf`]) {
      const asStranger = await stranger.get(url);
      expect(asStranger.statusCode).toBe(404);
      expect(asStranger.body).not.toContain('空腹血糖');
      const asColleague = await colleague.get(url);
      expect(asColleague.statusCode).toBe(403);
      expect(asColleague.body).not.toContain(person.name);
    }
  });

  it('records every read of the reports in the audit log', async () => {
    const actions = await t.deps.db
      .selectFrom('audit_events')
      .select('action')
      .where('patient_id', '=', patientId)
      .execute();
    const seen = new Set(actions.map((a) => a.action));
    for (const action of [
      'checkup_report.import',
      'checkup_report.list',
      'checkup_report.read',
      'checkup_report.pdf',
    ])
      expect(seen.has(action)).toBe(true);
  });
});
