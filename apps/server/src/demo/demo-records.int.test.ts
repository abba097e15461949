import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { ObservationSeries, PatientRecordSummary, TimelineItem } from '@careloop/contracts';
import { Client, createTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemoIfEmpty } from './seed.ts';
import { WELL_KNOWN_PHONES } from './demo-data.ts';
import { DEMO_PASSWORD } from './demo-staff.ts';

let t: TestApp;
let zhang: Client;
let zhangId: string;
let seconds: number;

beforeAll(async () => {
  t = await createTestApp({ DEMO_PATIENTS: '60' });
  const started = performance.now();
  await seedDemoIfEmpty(t.deps, pino({ level: 'silent' }));
  seconds = (performance.now() - started) / 1000;
  zhang = new Client(t.app, 'zh-CN');
  await zhang.login(WELL_KNOWN_PHONES.zhangWei, DEMO_PASSWORD);
  const mine = (await zhang.get('/api/v1/me/patients')).json().items as {
    relationship: string;
    patient: { id: string };
  }[];
  zhangId = mine.find((p) => p.relationship === 'self')!.patient.id;
}, 120_000);
afterAll(() => t.close());

describe('the demo records', () => {
  it('are created quickly', async () => {
    expect(seconds).toBeLessThan(60);
    const count = await t.deps.db
      .selectFrom('observations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('source', 'in', ['device', 'self', 'lab'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(3000);
  });

  it('show 张伟 his problems, medicines, allergy and what is abnormal now', async () => {
    const res = await zhang.get(`/api/v1/patients/${zhangId}/summary`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as PatientRecordSummary;
    expect(s.activeConditions.map((c) => c.icd10).sort()).toEqual(['E11.9', 'E78.5', 'I10']);
    expect(s.currentMedications.map((m) => m.name)).toContain('盐酸二甲双胍片');
    expect(s.allergies.map((a) => a.substance)).toContain('青霉素');
    expect(s.latestVitals.map((o) => o.code)).toEqual(
      expect.arrayContaining(['8480-6', '14771-0', '29463-7']),
    );
    expect(s.lifestyle?.smoking).toBe('former');
  });

  it('weigh him at home what the checkup weighed him (home readings anchored to the newest checkup)', async () => {
    const weights = (
      await zhang.get(`/api/v1/patients/${zhangId}/observations/series?code=29463-7`)
    ).json() as ObservationSeries;
    const checkup = weights.points.filter((p) => p.source === 'checkup').at(-1);
    const home = weights.points.filter((p) => p.source !== 'checkup');
    expect(checkup).toBeDefined();
    expect(home.length).toBeGreaterThan(10);
    const near = home.reduce((best, p) =>
      Math.abs(Date.parse(p.at) - Date.parse(checkup!.at)) <
      Math.abs(Date.parse(best.at) - Date.parse(checkup!.at))
        ? p
        : best,
    );
    expect(Math.abs(near.value - checkup!.value)).toBeLessThan(0.05);
    expect(Math.abs(home.at(-1)!.value - checkup!.value)).toBeLessThan(5);
  });

  it('draw his fasting glucose curve over two years with its reference band, and fill his timeline', async () => {
    const series = (
      await zhang.get(`/api/v1/patients/${zhangId}/observations/series?code=14771-0`)
    ).json() as ObservationSeries;
    expect(series.points.length).toBeGreaterThan(150);
    expect(series).toMatchObject({ name: '空腹血糖', unit: 'mmol/L', referenceLow: 3.9, referenceHigh: 6.1 });
    const recent = (await zhang.get(`/api/v1/patients/${zhangId}/timeline?limit=50`)).json()
      .items as TimelineItem[];
    expect(recent.some((i) => i.kind === 'observation' && i.source === 'device')).toBe(true);
    const history = (
      await zhang.get(
        `/api/v1/patients/${zhangId}/timeline?kinds=checkup,condition,medication,allergy&limit=200`,
      )
    ).json().items as TimelineItem[];
    expect([...new Set(history.map((i) => i.kind))].sort()).toEqual([
      'allergy',
      'checkup',
      'condition',
      'medication',
    ]);
  });

  it('are seeded once', async () => {
    const before = await t.deps.db.selectFrom('conditions').select('id').execute();
    await seedDemoIfEmpty(t.deps, pino({ level: 'silent' }));
    expect(await t.deps.db.selectFrom('conditions').select('id').execute()).toHaveLength(before.length);
  });
});
