import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../../../../test/harness.ts';
import { createRecordWorld, type RecordWorld } from '../records.testing.ts';

let w: RecordWorld;
beforeAll(async () => {
  w = await createRecordWorld();
});
afterAll(() => w.t.close());

describe('code tables', () => {
  it('finds ICD-10 codes by pinyin initials, Chinese name, English name and code', async () => {
    const first = async (q: string) =>
      (
        (await w.patient.get(`/api/v1/codes/icd10?q=${encodeURIComponent(q)}&limit=5`)).json().items as {
          code: string;
        }[]
      )[0]?.code;
    expect(await first('gxy')).toBe('I10');
    expect(await first('糖尿病')).toBe('E11.9');
    expect(await first('E78.5')).toBe('E78.5');
    const english = (await w.doctor.get('/api/v1/codes/icd10?q=hypertension')).json().items as {
      code: string;
    }[];
    expect(english.map((i) => i.code)).toContain('I10');
    expect((await w.doctor.get('/api/v1/codes/icd10?q=')).json().items).toEqual([]);
  });

  it('looks one code up with both names, and answers 404 for a code it does not hold', async () => {
    const res = await w.doctor.get('/api/v1/codes/icd10/k76.0');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'K76.0',
      zh: expect.stringContaining('脂肪肝'),
      en: expect.any(String),
    });
    const missing = await w.doctor.get('/api/v1/codes/icd10/Q99.9');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('RECORD_CODE_NOT_FOUND');
  });

  it('lists the analytes with their units and the units they convert from', async () => {
    const items = (await w.patient.get('/api/v1/codes/analytes')).json().items as {
      loinc: string;
      unit: string;
      units: string[];
      kind: string;
    }[];
    expect(items.find((a) => a.loinc === '14771-0')).toMatchObject({
      unit: 'mmol/L',
      units: ['mmol/L', 'mg/dL'],
      kind: 'vital',
    });
    expect(items.find((a) => a.loinc === '2093-3')).toMatchObject({ unit: 'mmol/L', kind: 'lab' });
    expect(items.find((a) => a.loinc === '8480-6')).toMatchObject({ unit: 'mm[Hg]', units: ['mm[Hg]'] });
  });

  it('asks for sign-in', async () => {
    expect((await new Client(w.t.app).get('/api/v1/codes/analytes')).statusCode).toBe(401);
  });
});
