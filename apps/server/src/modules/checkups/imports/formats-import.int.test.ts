import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { fhirToReports } from '@careloop/interop';
import {
  addPatient,
  createOrg,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../../test/harness.ts';
import {
  importFiles,
  personRows,
  residentId,
  startImport,
  templateTable,
  upload,
  waitForImport,
  type TemplateRowInput,
} from '../checkups.testing.ts';

// shared/testdata beside the project, as the interop tests find it.
const testdata = new URL('../../../../../../../shared/testdata/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, testdata));

let t: TestApp;
let manager: Client;

async function patientWithMrn(mrn: string, overrides: Record<string, unknown> = {}) {
  const { id } = await addPatient(t, manager, overrides);
  await t.deps.db.updateTable('patients').set({ mrn }).where('id', '=', id).execute();
  return id;
}

async function itemsOf(patientId: string) {
  return t.deps.db
    .selectFrom('observations')
    .select(['code_system', 'code', 'name', 'value_num', 'value_text', 'unit', 'flag', 'report_id'])
    .where('patient_id', '=', patientId)
    .orderBy('effective_at')
    .execute();
}

async function workbook(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('体检结果').addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp();
  const orgId = await createOrg(t);
  manager = await signIn(t, await createStaff(t, orgId, ['health_manager']));
});
afterAll(() => t.close());

describe('importing Excel, HL7 and FHIR', () => {
  it('imports an Excel file of 2,000 rows with a moving progress bar', async () => {
    const rows: TemplateRowInput[] = [];
    for (let p = 0; p < 80; p++) {
      const birthDate = `19${50 + (p % 40)}-0${1 + (p % 9)}-1${p % 10}`;
      const sex = p % 2 ? 'female' : 'male';
      const person = { name: `患者${p}`, sex, birthDate, nationalId: residentId(birthDate, sex, p) } as const;
      const items = Array.from(
        { length: 25 },
        (_, i) =>
          [`项目${i}`, String(10 + ((p + i) % 7)), 'U/L', '10-15'] as [string, string, string, string],
      );
      rows.push(...personRows(person, { reportNo: `XL-${p}`, date: '2025-03-01' }, items));
    }
    expect(rows).toHaveLength(2000);
    const created = await startImport(manager, [
      { name: 'batch.xlsx', content: await workbook(templateTable(rows)) },
    ]);
    expect(created.job.status).toBe('queued');
    const { job, seen } = await waitForImport(manager, created.job.id);
    expect(job).toMatchObject({
      status: 'done',
      totalReports: 80,
      processedReports: 80,
      reportsCreated: 80,
      itemsStored: 2000,
      problemCount: 0,
    });
    const midway = seen.filter((s) => s.status === 'running' && s.processedReports < 80);
    expect(midway.length).toBeGreaterThan(0);
    const counts = seen.map((s) => s.processedReports);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('imports the HL7 v2 samples as a batch: patients by record number, values as sent', async () => {
    const eve = await patientWithMrn('555-44-4444', { name: 'EVE EVERYWOMAN', sex: 'female' });
    const donald = await patientWithMrn('10006579', {
      name: 'DONALD DUCK',
      sex: 'male',
      birthDate: '1924-10-10',
    });
    const job = await importFiles(manager, [
      { name: 'sample_hl7.hl7', content: read('hl7v2/python-hl7/sample_hl7.hl7') },
      { name: 'LAB-ORU-1.hl7', content: read('hl7v2/ms-fhir-converter/samples/LAB-ORU-1.hl7') },
    ]);
    expect(job).toMatchObject({ status: 'done', reportsCreated: 2, itemsStored: 9 });
    expect(job.files.map((f) => f.format)).toEqual(['hl7', 'hl7']);
    expect(await itemsOf(eve)).toEqual([
      expect.objectContaining({
        code_system: 'loinc',
        code: '1554-5',
        value_num: 182,
        unit: 'mg/dL',
        flag: 'H',
      }),
    ]);
    const donalds = await itemsOf(donald);
    expect(donalds).toHaveLength(8);
    expect(donalds.find((i) => i.code === '20570-8')).toMatchObject({
      value_num: 40.1,
      unit: '%',
      flag: 'N',
    });
    const problems = (await manager.get(`/api/v1/checkups/imports/${job.id}/problems`)).json().items;
    expect(
      problems.map((p: { fileName: string; rowNo: number; code: string }) => [p.fileName, p.rowNo, p.code]),
    ).toEqual([
      ['sample_hl7.hl7', 5, 'bad_number'],
      ['LAB-ORU-1.hl7', 4, 'missing_value'],
      ['LAB-ORU-1.hl7', 6, 'missing_value'],
    ]);
  });

  it('imports a Synthea FHIR bundle: every result kept, invalid codes under their local name', async () => {
    const bytes = read('fhir/synthea/Samuel331_Terry864_1e610c5a-ff61-c754-2538-d059748636fc.json');
    const parsed = fhirToReports(bytes.toString('utf8'));
    const mrn = parsed.reports[0]!.patient.mrn!;
    const samuel = await patientWithMrn(mrn, { name: 'Samuel Terry', sex: 'male' });
    const job = await importFiles(manager, [
      { name: 'samuel.json', content: bytes, type: 'application/fhir+json' },
    ]);
    expect(job).toMatchObject({ status: 'done', reportsCreated: parsed.reports.length, itemsStored: 520 });
    const items = await itemsOf(samuel);
    expect(items).toHaveLength(520);
    expect(items.filter((i) => i.code_system === 'local').length).toBeGreaterThan(100);
    expect(job.unmappedItems).toBe(items.filter((i) => i.code_system === 'local').length);
  });

  it('lists a report whose patient is not in the organization as a problem, storing nothing', async () => {
    const job = await importFiles(manager, [
      {
        name: 'lipids.json',
        content: read(
          'fhir/r4-official-examples/diagnosticreport-examples/diagnosticreport-example-lipids.json',
        ),
      },
    ]);
    expect(job).toMatchObject({ status: 'done', reportsCreated: 0, itemsStored: 0 });
    const problems = (await manager.get(`/api/v1/checkups/imports/${job.id}/problems`)).json().items;
    expect(problems).toContainEqual(
      expect.objectContaining({ code: 'patient_not_found', fileName: 'lipids.json' }),
    );
  });
});

describe('the sample import in docs/samples', () => {
  it('registers its 20 people and lists exactly its two deliberate mistakes', async () => {
    const sample = readFileSync(
      new URL('../../../../../../docs/samples/checkup-import-sample.xlsx', import.meta.url),
    );
    const job = await importFiles(manager, [{ name: 'checkup-import-sample.xlsx', content: sample }]);
    expect(job).toMatchObject({ status: 'done', reportsCreated: 57, problemCount: 2 });
    const problems = (await manager.get(`/api/v1/checkups/imports/${job.id}/problems`)).json().items;
    expect(problems.map((p: { code: string }) => p.code).sort()).toEqual(['bad_number', 'missing_patient']);
    const registered = await t.deps.db
      .selectFrom('patients')
      .select('id')
      .where('name', 'not in', ['EVE EVERYWOMAN', 'DONALD DUCK', 'Samuel Terry'])
      .execute();
    expect(registered.length).toBeGreaterThanOrEqual(20);
  });
});

describe('refusing bad uploads before anything is stored', () => {
  const refused = async (files: Parameters<typeof upload>[1]) => {
    const jobsBefore = await t.deps.db.selectFrom('checkup_import_jobs').select('id').execute();
    const res = await upload(manager, files);
    const jobsAfter = await t.deps.db.selectFrom('checkup_import_jobs').select('id').execute();
    expect(jobsAfter).toHaveLength(jobsBefore.length);
    expect(res.headers['content-type']).toContain('application/problem+json');
    return res;
  };

  it('refuses a CSV without the template columns, naming the missing ones', async () => {
    const res = await refused([{ name: 'wrong.csv', content: 'foo,bar,baz\n1,2,3\n' }]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CHECKUP_FILE_UNREADABLE' });
    expect(res.json().errors[0].message).toContain('wrong.csv');
    expect(res.json().errors[0].message).toMatch(/Report no|Item|Result/);
  });

  it('refuses an Excel file without the template columns', async () => {
    const res = await refused([
      {
        name: 'wrong.xlsx',
        content: await workbook([
          ['日期', '金额'],
          ['2025-01-01', '3'],
        ]),
      },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('CHECKUP_FILE_UNREADABLE');
  });

  it('refuses a program renamed .pdf', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2048, 0x90)]);
    const res = await refused([{ name: 'report.pdf', content: exe, type: 'application/pdf' }]);
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'CHECKUP_FILE_EXECUTABLE' });
    expect(res.json().errors[0].message).toContain('report.pdf');
  });

  it('refuses a 50 MB photo as too large', async () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(50 * 1024 * 1024, 1)]);
    const res = await refused([{ name: 'photo.jpg', content: jpeg, type: 'image/jpeg' }]);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'CHECKUP_FILE_TOO_LARGE' });
    expect(res.json().errors[0].message).toContain('photo.jpg');
  });

  it('imports the good files of an upload and names the refused ones', async () => {
    const person = {
      name: '周五',
      sex: 'male',
      birthDate: '1970-01-01',
      nationalId: residentId('1970-01-01', 'male', 5),
    } as const;
    const csv = templateTable(
      personRows(person, { reportNo: 'MIX-1', date: '2025-02-02' }, [
        ['空腹血糖', '5.1', 'mmol/L', '3.9-6.1'],
      ]),
    );
    const created = await startImport(manager, [
      { name: 'good.csv', content: csv.map((r) => r.join(',')).join('\n') },
      { name: 'evil.pdf', content: Buffer.from('#!/bin/sh\nrm -rf /\n') },
    ]);
    expect(created.refused).toEqual([
      expect.objectContaining({ name: 'evil.pdf', code: 'CHECKUP_FILE_EXECUTABLE' }),
    ]);
    expect(created.job.files.map((f) => f.name)).toEqual(['good.csv']);
    expect((await waitForImport(manager, created.job.id)).job).toMatchObject({
      status: 'done',
      itemsStored: 1,
    });
  });

  it('answers 415 to a request that is not multipart', async () => {
    const res = await manager.post('/api/v1/checkups/imports', { files: [] });
    expect(res.statusCode).toBe(415);
  });

  it('leaves no staged file behind once a job has ended', async () => {
    const staged = await t.deps.db.selectFrom('checkup_import_files').select('job_id').execute();
    expect(staged).toEqual([]);
  });
});
