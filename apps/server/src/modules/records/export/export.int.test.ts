import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordExport } from '@careloop/contracts';
import { extractPdfText, squash } from '../../../platform/pdf/pdf-text.testing.ts';
import { auditActions, createRecordWorld, outsiders, type RecordWorld } from '../records.testing.ts';

let w: RecordWorld;
let base: string;

beforeAll(async () => {
  w = await createRecordWorld({ sex: 'male', birthDate: '1968-09-30' });
  base = `/api/v1/patients/${w.patientId}`;
  const zh = { 'accept-language': 'zh-CN' };
  const post = async (path: string, body: object, client = w.doctor) => {
    const res = await client.request('POST', `${base}/${path}`, body, zh);
    expect(res.statusCode, `${path} ${res.body}`).toBe(201);
    return res.json() as { id: string };
  };
  await post('conditions', { icd10: 'I10', onsetDate: '2016-04-01' });
  await post('allergies', { substance: '青霉素', category: 'drug', reaction: '皮疹', severity: 'moderate' });
  await post('medications', { name: '氨氯地平', dose: '5 mg', frequency: '每日一次' });
  await post('procedures', { name: '阑尾切除术', kind: 'surgery', performedOn: '1999-08-01' }, w.patient);
  await post('family-history', { relation: 'father', icd10: 'E11.9', onsetAge: 58 }, w.patient);
  await post('encounters', {
    kind: 'outpatient',
    startedAt: '2024-03-01T02:00:00Z',
    department: '心内科',
    summary: '血压控制良好',
  });
  await post(
    'lifestyle',
    { smoking: 'former', alcohol: 'occasional', activityMinutesPerWeek: 120 },
    w.patient,
  );
  for (const [value, day] of [
    [152, '2024-01-10'],
    [138, '2024-02-10'],
    [126, '2024-03-10'],
  ] as const)
    await post('observations', { code: '8480-6', value, effectiveAt: `${day}T00:00:00Z` }, w.patient);
  await post('observations', { code: '14771-0', value: 7.1, effectiveAt: '2024-03-11T00:00:00Z' });
});
afterAll(() => w.t.close());

describe('export of the whole record', () => {
  it('gives the patient everything as JSON with a schema version', async () => {
    const res = await w.patient.get(`${base}/export.json`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="health-record-\d{4}-\d{2}-\d{2}\.json"/,
    );
    expect(res.headers['cache-control']).toBe('private, no-store');
    const record = res.json() as RecordExport;
    expect(record).toMatchObject({
      schemaVersion: 1,
      patient: { id: w.patientId, sex: 'male', birthDate: '1968-09-30' },
    });
    expect(record.conditions.map((c) => c.icd10)).toEqual(['I10']);
    expect(record.allergies[0]).toMatchObject({ substance: '青霉素', source: 'clinician' });
    expect(record.procedures[0]).toMatchObject({ name: '阑尾切除术', source: 'self' });
    expect(record.familyHistory[0]).toMatchObject({ relation: 'father', icd10: 'E11.9' });
    expect(record.encounters).toHaveLength(1);
    expect(record.lifestyle).toHaveLength(1);
    expect(record.observations.map((o) => o.value)).toEqual([7.1, 126, 138, 152]);
    expect(record.documents).toEqual([]);
    expect(record.checkups).toEqual([]);
    expect(Date.now() - Date.parse(record.generatedAt)).toBeLessThan(60_000);
  });

  it('prints the record as a PDF in the language asked for, with sources', async () => {
    const zh = await w.patient.get(`${base}/export.pdf?lang=zh-CN`);
    expect(zh.statusCode, zh.body).toBe(200);
    expect(zh.headers['content-type']).toBe('application/pdf');
    expect(zh.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const zhText = squash((await extractPdfText(zh.rawPayload)).pages.join('\n'));
    for (const expected of [
      '档案患者',
      '高血压',
      '青霉素',
      '氨氯地平',
      '阑尾切除术',
      '收缩压',
      '空腹血糖',
      '心内科',
      '已戒烟',
    ])
      expect(zhText).toContain(expected);

    const en = await w.doctor.get(`${base}/export.pdf?lang=en-US`);
    expect(en.statusCode).toBe(200);
    const enText = squash((await extractPdfText(en.rawPayload)).pages.join('\n'));
    for (const expected of ['Systolicbloodpressure', 'Fastingglucose', 'formersmoker'])
      expect(enText).toContain(expected);
  });

  it('audits each export, and refuses outsiders', async () => {
    const actions = await auditActions(w);
    expect(actions).toContain('record.export.json');
    expect(actions).toContain('record.export.pdf');
    for (const [who, client] of outsiders(w)) {
      for (const path of ['export.json', 'export.pdf']) {
        const res = await client.get(`${base}/${path}`);
        expect([403, 404], `${who} ${path}`).toContain(res.statusCode);
        expect(res.body).not.toContain('青霉素');
      }
    }
    expect((await w.patient.get(`${base}/export.pdf?lang=fr`)).statusCode).toBe(400);
  });
});
