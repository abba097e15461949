import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@careloop/interop';
import type { CsvReadingsResult, Reading } from '@careloop/contracts';
import {
  addPatient,
  createOrg,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../../test/harness.ts';
import { encodeGb18030, multipartFile } from './imports.testing.ts';

let t: TestApp;
let manager: Client;
let stranger: Client;

async function uploadCsv(
  client: Client,
  patientId: string,
  content: Uint8Array | string,
  language = 'en-US',
) {
  const { payload, contentType } = multipartFile('readings.csv', content);
  return client.request('POST', `/api/v1/patients/${patientId}/monitoring/csv`, payload, {
    'content-type': contentType,
    'accept-language': language,
  });
}

async function readingsOf(patientId: string): Promise<Reading[]> {
  const res = await manager.get(
    `/api/v1/patients/${patientId}/readings?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z`,
  );
  return (res.json() as { items: Reading[] }).items;
}

beforeAll(async () => {
  t = await createTestApp();
  const orgId = await createOrg(t);
  manager = await signIn(t, await createStaff(t, orgId, ['health_manager']));
  stranger = await signIn(t, await createStaff(t, orgId, ['health_manager']));
});
afterAll(() => t.close());

describe('readings from a CSV file', () => {
  it('stores every row, reading a time without a zone as Beijing time', async () => {
    const patientId = (await addPatient(t, manager)).id;
    const csv =
      'type,taken_at,systolic,diastolic,pulse,value,unit,context,note\r\n' +
      'blood-pressure,2024-05-01 08:00,128,82,70,,,,after waking\r\n' +
      'glucose,2024-05-01T07:30:00+08:00,,,,6.1,mmol/L,fasting,\r\n' +
      '\r\n' +
      'weight,2024/5/2 7:05,,,,140,斤,,\r\n';
    const res = await uploadCsv(manager, patientId, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 3, received: 3, stored: 3, duplicates: 0, rejected: [] });

    const readings = await readingsOf(patientId);
    expect(readings.find((r) => r.type === 'blood-pressure')).toMatchObject({
      takenAt: '2024-05-01T00:00:00.000Z',
      systolic: 128,
      diastolic: 82,
      pulse: 70,
      source: 'import',
    });
    expect(readings.find((r) => r.type === 'glucose')).toMatchObject({ value: 6.1, context: 'fasting' });
    expect(readings.find((r) => r.type === 'weight')).toMatchObject({
      value: 70,
      takenAt: '2024-05-01T23:05:00.000Z',
    });

    const again = await uploadCsv(manager, patientId, csv);
    expect(again.json()).toMatchObject({ rows: 3, stored: 0, duplicates: 3 });
  });

  it('rejects bad rows with their row index and reason, and stores the good ones', async () => {
    const patientId = (await addPatient(t, manager)).id;
    const csv = [
      'id,type,taken_at,systolic,diastolic,value,unit',
      'r1,blood-pressure,2024-05-01 08:00,abc,80,,',
      'r2,blood-pressure,2024-05-01 09:00,400,80,,',
      'r3,glucose,yesterday,,,5.5,mmol/L',
      'r4,cholesterol,2024-05-01 10:00,,,5,mmol/L',
      'r5,weight,2024-05-01 10:00,,,70,stone',
      'r6,glucose,2024-05-01 11:00,,,5.5,mmol/L',
    ].join('\n');
    const res = await uploadCsv(manager, patientId, csv);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as CsvReadingsResult;
    expect(body).toMatchObject({ rows: 6, stored: 1 });
    expect(body.rejected.map((r) => [r.index, r.id, r.code, r.field])).toEqual([
      [0, 'r1', 'invalid', 'systolic'],
      [1, 'r2', 'impossible-value', 'systolic'],
      [2, 'r3', 'invalid', 'taken_at'],
      [3, 'r4', 'invalid', 'type'],
      [4, 'r5', 'wrong-unit', 'unit'],
    ]);
    expect(body.rejected[0]!.message).toContain('"abc" is not a number');
    expect(await readingsOf(patientId)).toHaveLength(1);
  });

  it('reads a GB18030 file with the Chinese header, as Excel on a Chinese Windows saves it', async () => {
    const patientId = (await addPatient(t, manager)).id;
    const csv =
      '编号,类型,测量时间,收缩压,舒张压,脉搏,数值,单位,测量场景,备注\r\n' +
      'a1,血压,2024-05-01 08:00,135,88,72,,,,晨起\r\n' +
      'a2,血糖,2024-05-01 12:30,,,,8.2,mmol/L,餐后,午饭后\r\n';
    const res = await uploadCsv(manager, patientId, encodeGb18030(csv), 'zh-CN');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 2, stored: 2, rejected: [] });
    const glucose = (await readingsOf(patientId)).find((r) => r.type === 'glucose');
    expect(glucose).toMatchObject({ value: 8.2, context: 'after-meal', takenAt: '2024-05-01T04:30:00.000Z' });
  });

  it('refuses a file without the template’s header (400), naming the columns', async () => {
    const patientId = (await addPatient(t, manager)).id;
    const res = await uploadCsv(manager, patientId, 'name,result,unit\n血糖,5.6,mmol/L\n');
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; errors: { path: string; message: string }[] };
    expect(body.code).toBe('MONITORING_CSV_INVALID');
    expect(body.errors.map((e) => e.message)).toContain('the column taken_at is missing');
    const binary = await uploadCsv(manager, patientId, new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1]));
    expect(binary.statusCode).toBe(400);
  });

  it('is for those who may edit the patient’s record', async () => {
    const patientId = (await addPatient(t, manager)).id;
    const res = await uploadCsv(stranger, patientId, 'type,taken_at,value\nweight,2024-05-01 08:00,70\n');
    expect(res.statusCode).toBe(403);
  });
});

describe('the CSV template', () => {
  it('downloads with the header in the caller’s language and two example rows that import as they are', async () => {
    const res = await manager.request('GET', '/api/v1/monitoring/csv-template', undefined, {
      'accept-language': 'zh-CN',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const rows = parseCsv(res.body.replace(/^\uFEFF/, '')).rows.filter((r) => r.some((c) => c !== ''));
    expect(rows[0]).toEqual([
      '编号',
      '类型',
      '测量时间',
      '收缩压',
      '舒张压',
      '脉搏',
      '数值',
      '单位',
      '测量场景',
      '备注',
    ]);
    expect(rows).toHaveLength(3);

    const patientId = (await addPatient(t, manager)).id;
    const imported = await uploadCsv(manager, patientId, res.rawPayload);
    expect(imported.json()).toMatchObject({ rows: 2, stored: 2, rejected: [] });

    const en = await manager.get('/api/v1/monitoring/csv-template');
    expect(en.body).toContain('type,taken_at,systolic');
  });
});
