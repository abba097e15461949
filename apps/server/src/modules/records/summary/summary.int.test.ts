import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PatientRecordSummary } from '@careloop/contracts';
import { createRecordWorld, outsiders, type RecordWorld } from '../records.testing.ts';
import { storeObservations } from '../observations/observations.store.ts';

let w: RecordWorld;
let base: string;

beforeAll(async () => {
  w = await createRecordWorld({ sex: 'female', birthDate: '1965-04-02' });
  base = `/api/v1/patients/${w.patientId}`;
  const post = async (path: string, body: object, client = w.doctor) => {
    const res = await client.post(`${base}/${path}`, body);
    expect(res.statusCode, `${path} ${res.body}`).toBe(201);
    return res.json() as { id: string };
  };
  await post('conditions', { icd10: 'I10', onsetDate: '2018-01-01' });
  await post('conditions', { icd10: 'E11.9' });
  await post('conditions', { display: '阑尾炎', clinicalStatus: 'resolved' });
  await post('allergies', { substance: '青霉素', category: 'drug', severity: 'severe' });
  await post('allergies', { substance: '尘螨', category: 'environment', status: 'resolved' });
  await post('medications', { name: '二甲双胍', dose: '0.5 g', frequency: 'bid' });
  await post('medications', { name: '阿司匹林', status: 'stopped' });
  const at = (d: string) => new Date(`${d}T00:00:00Z`);
  await w.t.deps.db.transaction().execute((tx) =>
    storeObservations(tx, w.t.deps, {
      orgId: w.orgId,
      patientId: w.patientId,
      recordedBy: w.doctorId,
      rows: [
        {
          codeSystem: 'loinc',
          code: '8480-6',
          name: 'SBP',
          valueNum: 150,
          valueText: null,
          unit: 'mm[Hg]',
          effectiveAt: at('2024-01-01'),
          source: 'device',
        },
        {
          codeSystem: 'loinc',
          code: '8480-6',
          name: 'SBP',
          valueNum: 128,
          valueText: null,
          unit: 'mm[Hg]',
          effectiveAt: at('2024-03-01'),
          source: 'device',
        },
        {
          codeSystem: 'loinc',
          code: '4548-4',
          name: 'HbA1c',
          valueNum: 7.4,
          valueText: null,
          unit: '%',
          refHigh: 6.0,
          effectiveAt: at('2024-02-01'),
          source: 'lab',
        },
        {
          codeSystem: 'loinc',
          code: '2093-3',
          name: 'TC',
          valueNum: 6.1,
          valueText: null,
          unit: 'mmol/L',
          effectiveAt: at('2023-06-01'),
          source: 'checkup',
        },
        {
          codeSystem: 'loinc',
          code: '2093-3',
          name: 'TC',
          valueNum: 4.6,
          valueText: null,
          unit: 'mmol/L',
          effectiveAt: at('2024-02-01'),
          source: 'checkup',
        },
        {
          codeSystem: 'loinc',
          code: '14771-0',
          name: 'FPG',
          valueNum: 7.8,
          valueText: null,
          unit: 'mmol/L',
          effectiveAt: at('2024-03-02'),
          source: 'self',
        },
      ],
    }),
  );
});
afterAll(() => w.t.close());

describe('lifestyle', () => {
  it('keeps every assessment and answers the newest as current, marking the patient’s own as self-reported', async () => {
    const first = await w.doctor.post(`${base}/lifestyle`, {
      assessedAt: '2023-01-01T00:00:00Z',
      smoking: 'current',
      cigarettesPerDay: 10,
      alcohol: 'occasional',
    });
    expect(first.statusCode, first.body).toBe(201);
    const second = await w.patient.post(`${base}/lifestyle`, {
      smoking: 'former',
      activityMinutesPerWeek: 150,
      sleepHours: 7.5,
      diet: '少油少盐',
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({
      source: 'self',
      sleepHours: 7.5,
      recordedBy: { id: w.patientAccountId },
    });
    const history = (await w.doctor.get(`${base}/lifestyle`)).json();
    expect(history.latest.id).toBe(second.json().id);
    expect(history.items.map((i: { id: string }) => i.id)).toEqual([second.json().id, first.json().id]);
  });

  it('refuses nonsense with 400 naming the field', async () => {
    const cases: [object, string][] = [
      [{ sleepHours: 30 }, 'sleepHours'],
      [{ smoking: 'never', cigarettesPerDay: 5 }, 'cigarettesPerDay'],
      [{ alcohol: 'lots' }, 'alcohol'],
      [{ assessedAt: '2099-01-01T00:00:00Z' }, 'assessedAt'],
    ];
    for (const [body, field] of cases) {
      const res = await w.patient.post(`${base}/lifestyle`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(field);
    }
  });
});

describe('the 360 summary', () => {
  it('lists what is current, the latest measurements and what is abnormal now', async () => {
    const res = await w.doctor.request('GET', `${base}/summary`, undefined, { 'accept-language': 'zh-CN' });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as PatientRecordSummary;
    expect(s.activeConditions.map((c) => c.icd10).sort()).toEqual(['E11.9', 'I10']);
    expect(s.allergies.map((a) => a.substance)).toEqual(['青霉素']);
    expect(s.currentMedications.map((m) => m.name)).toEqual(['二甲双胍']);
    expect(s.latestVitals.map((o) => [o.code, o.value])).toEqual([
      ['14771-0', 7.8],
      ['8480-6', 128],
    ]);
    expect(s.latestVitals[1]?.name).toBe('收缩压');
    expect(s.latestLabs.map((o) => [o.code, o.value])).toEqual([
      ['2093-3', 4.6],
      ['4548-4', 7.4],
    ]);
    // The latest of each code decides: cholesterol was high in 2023 but is normal now; SBP 150 is not the latest.
    expect(s.abnormalItems.map((o) => [o.code, o.flag])).toEqual([
      ['14771-0', 'H'],
      ['4548-4', 'H'],
    ]);
    expect(s.lifestyle).toMatchObject({ smoking: 'former' });
    expect(s.counts).toMatchObject({
      observations: 6,
      conditions: 3,
      allergies: 2,
      medications: 2,
      lifestyle: 2,
    });
    expect(s.lastUpdatedAt).not.toBeNull();
  });

  it('is readable by the patient and refused to outsiders', async () => {
    expect((await w.patient.get(`${base}/summary`)).statusCode).toBe(200);
    for (const [who, client] of outsiders(w)) {
      for (const path of ['summary', 'lifestyle']) {
        const res = await client.get(`${base}/${path}`);
        expect([403, 404], `${who} ${path}`).toContain(res.statusCode);
        expect(res.body).not.toContain('青霉素');
      }
      const write = await client.post(`${base}/lifestyle`, { smoking: 'never' });
      expect([403, 404], who).toContain(write.statusCode);
    }
  });
});
