import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitoringImport, Reading } from '@careloop/contracts';
import {
  addPatient,
  createOrg,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../../test/harness.ts';
import { appleHealthReadingId } from './apple-health-readings.ts';
import { partKey } from './import-parts.ts';
import {
  declareImport,
  declareWithPartSize,
  importExport,
  importsUrl,
  putPart,
  readTestdata,
} from './imports.testing.ts';

let t: TestApp;
let orgId: string;
let manager: Client;
let stranger: Client;

const tdda = readTestdata('apple-health/tdda-applehealthdata/export6s3sample.xml');
const newPatient = async () => (await addPatient(t, manager)).id;

async function readingsOf(patientId: string, type: string): Promise<Reading[]> {
  const res = await manager.get(
    `/api/v1/patients/${patientId}/readings?type=${type}&from=2000-01-01T00:00:00Z&to=2030-01-01T00:00:00Z`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: Reading[] }).items;
}

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrg(t);
  manager = await signIn(t, await createStaff(t, orgId, ['health_manager']));
  stranger = await signIn(t, await createStaff(t, orgId, ['health_manager']));
});
afterAll(() => t.close());

describe('an Apple Health export uploaded in parts', () => {
  let patientId: string;
  let first: MonitoringImport;

  beforeAll(async () => {
    patientId = await newPatient();
    first = await importExport(t, manager, patientId, tdda, 2048);
  });

  it('stores the 10 StepCount records of tdda/applehealthdata, read across 4 parts', async () => {
    expect(first).toMatchObject({
      status: 'done',
      sizeBytes: tdda.length,
      partSize: 2048,
      partsReceived: 4,
      bytesProcessed: tdda.length,
      stored: 10,
      duplicates: 0,
      rejected: 0,
      problems: [],
      byType: { steps: 10 },
      error: null,
    });
    expect(first.finishedAt).not.toBeNull();
    const steps = await readingsOf(patientId, 'steps');
    expect(steps).toHaveLength(10);
    // expected_csv/StepCount.csv: the first record is 329 steps, 2014-09-13 10:27:54 +0100 to 10:27:59.
    const firstStep = steps.find((s) => s.takenAt === '2014-09-13T09:27:54.000Z');
    expect(firstStep).toMatchObject({ value: 329, endAt: '2014-09-13T09:27:59.000Z', source: 'import' });
  });

  it('deletes the parts once read, and records who declared the import', async () => {
    for (let n = 0; n < 4; n += 1) {
      expect(await t.deps.files.exists(partKey(orgId, first.id, n))).toBe(false);
    }
    const audit = await t.deps.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id'])
      .where('resource_id', '=', first.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'monitoring.imports.complete',
      'monitoring.imports.create',
    ]);
    expect(audit.every((a) => a.patient_id === patientId)).toBe(true);
  });

  it('stores nothing twice when the same export is imported again', async () => {
    const again = await importExport(t, manager, patientId, tdda, 3000);
    expect(again).toMatchObject({ status: 'done', stored: 0, duplicates: first.stored, byType: {} });
    expect(await readingsOf(patientId, 'steps')).toHaveLength(10);
  });
});

describe('decoding and mapping', () => {
  it('joins a character cut between two parts (’ in the alxdrcirilo export, 华为 in a record)', async () => {
    const patientId = await newPatient();
    const real = readTestdata('apple-health/alxdrcirilo-apple-health-parser/export.xml');
    const cut = real.indexOf(Buffer.from('’', 'utf8')) + 1;
    const done = await importExport(t, manager, patientId, real, cut);
    expect(done).toMatchObject({ status: 'done', stored: 1, problems: [], byType: { 'heart-rate': 1 } });

    const record =
      '<?xml version="1.0" encoding="UTF-8"?>\n<HealthData locale="zh_CN">\n' +
      ' <Record type="HKQuantityTypeIdentifierOxygenSaturation" sourceName="华为健康" unit="%" ' +
      'startDate="2024-03-01 08:00:00 +0800" endDate="2024-03-01 08:00:00 +0800" value="0.97"/>\n' +
      ' <Record type="HKQuantityTypeIdentifierHeight" sourceName="Health" unit="cm" ' +
      'startDate="2024-03-01 08:00:00 +0800" endDate="2024-03-01 08:00:00 +0800" value="170"/>\n</HealthData>\n';
    const bytes = Buffer.from(record, 'utf8');
    const spo2 = await importExport(
      t,
      manager,
      patientId,
      bytes,
      bytes.indexOf(Buffer.from('华', 'utf8')) + 2,
    );
    expect(spo2).toMatchObject({ status: 'done', stored: 1, byType: { spo2: 1, 'skipped:height': 1 } });
    // HealthKit's fraction 0.97 is stored as 97 %; the id hashes the source name as written, so it decoded whole.
    expect((await readingsOf(patientId, 'spo2'))[0]).toMatchObject({ value: 97, unit: '%' });
    const id = appleHealthReadingId({
      kind: 'spo2',
      loinc: '59408-5',
      unit: '%',
      value: 97,
      at: '2024-03-01T08:00:00+08:00',
      source: '华为健康',
      line: 3,
    });
    const row = await t.deps.db
      .selectFrom('observations')
      .select('dedupe_key')
      .where('patient_id', '=', patientId)
      .where('dedupe_key', 'like', `rd:apple-health:${id}#%`)
      .executeTakeFirst();
    expect(row).toBeDefined();
  });

  it('keeps the readings read before the cut of a truncated export and reports it', async () => {
    const patientId = await newPatient();
    const sixth = tdda.indexOf('value="200"');
    const done = await importExport(t, manager, patientId, tdda.subarray(0, sixth), 1500);
    expect(done.status).toBe('done');
    expect(done.stored).toBe(5);
    expect(done.problems).toEqual([expect.objectContaining({ code: 'truncated' })]);
    expect(done.problems[0]!.line).toBeGreaterThan(80);
    expect(await readingsOf(patientId, 'steps')).toHaveLength(5);
  });

  it('fails a file that is not an export, saying so', async () => {
    const patientId = await newPatient();
    const text = Buffer.from('type,taken_at,value\nweight,2024-01-01 08:00,70\n'.repeat(20), 'utf8');
    const done = await importExport(t, manager, patientId, text, 512);
    expect(done).toMatchObject({ status: 'failed', stored: 0 });
    expect(done.error).toContain('not an Apple Health export');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    const zipped = await importExport(t, manager, patientId, zip, 64);
    expect(zipped.error).toContain('unzip');
  });
});

describe('the upload steps', () => {
  let patientId: string;
  beforeAll(async () => {
    patientId = await newPatient();
  });

  it('refuses a file larger than the server accepts (413)', async () => {
    const res = await declareImport(manager, patientId, 3 * 1024 ** 3);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'MONITORING_IMPORT_TOO_LARGE' });
  });

  it('answers with 8 MiB parts by default, and takes a whole part in one request', async () => {
    const MiB = 1024 * 1024;
    const res = await declareImport(manager, patientId, 20 * MiB);
    expect(res.statusCode).toBe(201);
    const created = res.json() as MonitoringImport;
    expect(created).toMatchObject({ status: 'uploading', partSize: 8 * MiB, partsReceived: 0 });
    const part = await putPart(manager, patientId, created.id, 1, Buffer.alloc(8 * MiB, 0x20));
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json()).toMatchObject({ partsReceived: 1 });
    const tooBig = await putPart(manager, patientId, created.id, 0, Buffer.alloc(9 * MiB, 0x20));
    expect(tooBig.statusCode).toBe(413);
  });

  it('checks each part’s number and size, and counts a part sent twice once', async () => {
    const created = await declareWithPartSize(t, manager, patientId, 250, 100);
    const part = (n: number, size: number) =>
      putPart(manager, patientId, created.id, n, Buffer.alloc(size, 0x41));
    const wrong = await part(0, 99);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'MONITORING_IMPORT_PART_INVALID' });
    expect((await part(2, 100)).statusCode).toBe(400);
    expect((await part(3, 50)).statusCode).toBe(400);
    expect((await part(2, 50)).json()).toMatchObject({ partsReceived: 1 });
    expect((await part(0, 100)).json()).toMatchObject({ partsReceived: 2 });
    expect((await part(0, 100)).json()).toMatchObject({ partsReceived: 2 });

    const early = await manager.post(`${importsUrl(patientId)}/${created.id}/complete`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'MONITORING_IMPORT_STATE',
      detail: '1 of 3 parts are missing',
    });
  });

  it('refuses a part that is not raw bytes', async () => {
    const created = await declareWithPartSize(t, manager, patientId, 10, 10);
    const res = await manager.request('PUT', `${importsUrl(patientId)}/${created.id}/parts/0`, { a: 1 });
    expect(res.statusCode).toBe(415);
  });

  it('finds no import under another patient, and nothing for staff outside the care team', async () => {
    const created = (await declareImport(manager, patientId, 100)).json() as MonitoringImport;
    const other = await newPatient();
    const res = await manager.get(`${importsUrl(other)}/${created.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'MONITORING_IMPORT_NOT_FOUND' });
    expect((await putPart(manager, other, created.id, 0, Buffer.alloc(100))).statusCode).toBe(404);
    expect((await stranger.get(`${importsUrl(patientId)}/${created.id}`)).statusCode).toBe(403);
    expect((await declareImport(stranger, patientId, 100)).statusCode).toBe(403);
  });
});
