import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { CheckupReportDetail, CheckupReportSummary } from '@careloop/contracts';
import { Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemoIfEmpty } from './seed.ts';
import { WELL_KNOWN_PHONES } from './demo-data.ts';
import { DEMO_PASSWORD } from './demo-staff.ts';

let t: TestApp;
let zhang: Client;
let seconds: number;

beforeAll(async () => {
  t = await createTestApp({ DEMO_PATIENTS: '60' });
  const started = performance.now();
  await seedDemoIfEmpty(t.deps, pino({ level: 'silent' }));
  seconds = (performance.now() - started) / 1000;
  zhang = new Client(t.app);
  await zhang.login(WELL_KNOWN_PHONES.zhangWei, DEMO_PASSWORD);
}, 120_000);
afterAll(() => t.close());

describe('the demo checkups', () => {
  it('are imported through an import job, quickly and without problems', async () => {
    const jobs = await t.deps.db.selectFrom('checkup_import_jobs').selectAll().execute();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: 'done', problem_count: 0 });
    expect(jobs[0]!.reports_created).toBeGreaterThan(20);
    expect(seconds).toBeLessThan(60);
  });

  it('come with two packages and the mappings the centre needs', async () => {
    const packages = await t.deps.db.selectFrom('checkup_packages').select('code').execute();
    expect(packages.map((p) => p.code).sort()).toEqual(['basic', 'comprehensive']);
    const mappings = await t.deps.db.selectFrom('checkup_item_mappings').select('loinc').execute();
    expect(mappings.map((m) => m.loinc).sort()).toEqual(['14771-0', '18262-6', '3084-1']);
  });

  it('show 张伟 his rising fasting glucose, explained, with the follow-up task it created', async () => {
    const mine = (await zhang.get('/api/v1/me/patients')).json().items as {
      relationship: string;
      patient: { id: string };
    }[];
    const patientId = mine.find((p) => p.relationship === 'self')!.patient.id;
    const reports = (await zhang.get(`/api/v1/patients/${patientId}/checkups`)).json()
      .items as CheckupReportSummary[];
    expect(reports).toHaveLength(3);
    const detail = (
      await zhang.request('GET', `/api/v1/patients/${patientId}/checkups/${reports[0]!.id}`, undefined, {
        'accept-language': 'zh-CN',
      })
    ).json() as CheckupReportDetail;
    const glucose = detail.items.find((i) => i.code === '14771-0');
    expect(glucose).toMatchObject({
      valueNum: 7.2,
      flag: 'H',
      comparison: { previousValue: '6.4', change: 'worse' },
    });
    expect(glucose?.explanation?.nextSteps).toBeTruthy();
    expect(detail.trends.find((tr) => tr.code === '14771-0')?.points.map((p) => p.value)).toEqual([
      5.8, 6.4, 7.2,
    ]);
    expect(detail.followUpTasks.length).toBeGreaterThan(0);
  });

  it('are not seeded twice', async () => {
    await seedDemoIfEmpty(t.deps, pino({ level: 'silent' }));
    expect(await t.deps.db.selectFrom('checkup_import_jobs').select('id').execute()).toHaveLength(1);
  });
});
