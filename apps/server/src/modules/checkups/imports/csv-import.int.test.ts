import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckupImportProblem, CheckupReportSummary } from '@careloop/contracts';
import {
  createOrg,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../../test/harness.ts';
import {
  encodeGb18030,
  importFiles,
  personRows,
  residentId,
  templateCsv,
  templateTable,
  type TemplatePerson,
} from '../checkups.testing.ts';
import { formatCsv } from '@careloop/interop';

let t: TestApp;
let orgId: string;
let manager: Client;
let managerId: string;

const people: TemplatePerson[] = [
  { name: '赵一', sex: 'male', birthDate: '1968-04-02', nationalId: residentId('1968-04-02', 'male', 1) },
  { name: '钱二', sex: 'female', birthDate: '1975-11-20', nationalId: residentId('1975-11-20', 'female', 2) },
  { name: '孙三', sex: 'male', birthDate: '1982-07-09', nationalId: residentId('1982-07-09', 'male', 3) },
];

const PANEL: [string, string, string, string, string?][] = [
  ['空腹血糖', '6.4', 'mmol/L', '3.9-6.1', '↑'],
  ['谷丙转氨酶', '32', 'U/L', '9-50'],
  ['总胆固醇', '4.6', 'mmol/L', '<5.2'],
  ['血红蛋白', '148', 'g/L', '130-175'],
  ['尿蛋白', '阴性(-)', '', '阴性'],
  // Names the dictionary does not know: kept under the local name until mapped.
  ['血清尿酸测定', '460', 'μmol/L', '208-428', '↑'],
  ['血清肌酐测定', '1.0', 'mg/dL', '0.7-1.3'],
];

const threePatients = () =>
  templateCsv(
    people.flatMap((p, i) => personRows(p, { reportNo: `TJ2025-000${i + 1}`, date: '2025-05-1' + i }, PANEL)),
  );

async function problemsOf(jobId: string): Promise<CheckupImportProblem[]> {
  return (await manager.get(`/api/v1/checkups/imports/${jobId}/problems?limit=200`)).json().items;
}

async function patientIdOf(nationalId: string): Promise<string> {
  const res = await manager.get(`/api/v1/patients?q=${nationalId}`);
  return res.json().items[0].id;
}

beforeAll(async () => {
  t = await createTestApp();
  orgId = await createOrg(t);
  const staff = await createStaff(t, orgId, ['health_manager']);
  managerId = staff.id;
  manager = await signIn(t, staff);
});
afterAll(() => t.close());

describe('importing the CSV template', () => {
  it('registers three new patients, stores every item and lists the unmapped one', async () => {
    const job = await importFiles(manager, [
      { name: '体检结果.csv', content: threePatients(), type: 'text/csv' },
    ]);
    expect(job).toMatchObject({
      status: 'done',
      totalReports: 3,
      processedReports: 3,
      reportsCreated: 3,
      reportsDuplicate: 0,
      itemsStored: 21,
      itemsDuplicate: 0,
      // 尿蛋白 has no code in the table; the two lab wordings are not in the dictionary.
      unmappedItems: 9,
    });
    expect(job.files).toEqual([expect.objectContaining({ name: '体检结果.csv', format: 'csv' })]);

    // The importer joined each new patient's care team, so can open the records.
    const id = await patientIdOf(people[0]!.nationalId);
    expect((await manager.get(`/api/v1/patients/${id}`)).json()).toMatchObject({
      name: '赵一',
      sex: 'male',
      birthDate: '1968-04-02',
    });
    const team = (await manager.get(`/api/v1/patients/${id}/care-team`)).json().items;
    expect(team).toEqual([expect.objectContaining({ staffId: managerId, role: 'health_manager' })]);

    const reports = (await manager.get(`/api/v1/patients/${id}/checkups`)).json()
      .items as CheckupReportSummary[];
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      itemCount: 7,
      abnormalCount: 2,
      center: '测试体检中心',
      sourceFormat: 'csv',
    });

    const unmapped = (await manager.get('/api/v1/checkups/unmapped')).json().items;
    expect(unmapped).toHaveLength(3);
    expect(unmapped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ localName: '尿蛋白', count: 3, exampleValues: ['阴性(-)'], units: [] }),
        expect.objectContaining({ localName: '血清尿酸测定', count: 3, patientCount: 3, units: ['umol/L'] }),
        expect.objectContaining({
          localName: '血清肌酐测定',
          count: 3,
          exampleValues: ['1'],
          units: ['mg/dL'],
        }),
      ]),
    );
  });

  it('stores nothing twice when the same file is imported again, and says so', async () => {
    const before = await t.deps.db
      .selectFrom('observations')
      .select(t.deps.db.fn.countAll().as('n'))
      .executeTakeFirst();
    const job = await importFiles(manager, [
      { name: '体检结果.csv', content: threePatients(), type: 'text/csv' },
    ]);
    expect(job).toMatchObject({
      status: 'done',
      reportsCreated: 0,
      reportsDuplicate: 3,
      itemsStored: 0,
      itemsDuplicate: 21,
    });
    const after = await t.deps.db
      .selectFrom('observations')
      .select(t.deps.db.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(after?.n).toEqual(before?.n);
    const patients = await t.deps.db
      .selectFrom('patients')
      .select('id')
      .where('org_id', '=', orgId)
      .execute();
    expect(patients).toHaveLength(3);
  });

  it('completes a report that an earlier import stored only in part', async () => {
    const person = people[1]!;
    const firstHalf = personRows(person, { reportNo: 'TJ-PART', date: '2024-03-03' }, PANEL.slice(0, 3));
    const whole = personRows(person, { reportNo: 'TJ-PART', date: '2024-03-03' }, PANEL);
    expect(await importFiles(manager, [{ name: 'a.csv', content: templateCsv(firstHalf) }])).toMatchObject({
      reportsCreated: 1,
      itemsStored: 3,
    });
    const job = await importFiles(manager, [{ name: 'b.csv', content: templateCsv(whole) }]);
    expect(job).toMatchObject({ reportsCreated: 0, reportsDuplicate: 1, itemsStored: 4, itemsDuplicate: 3 });
    const id = await patientIdOf(person.nationalId);
    const reports = (await manager.get(`/api/v1/patients/${id}/checkups`)).json().items;
    expect(reports.find((r: CheckupReportSummary) => r.externalId === 'TJ-PART')).toMatchObject({
      itemCount: 7,
      abnormalCount: 2,
    });
  });

  it('keeps the good rows of a file with bad ones and lists each problem with its row number', async () => {
    const person = people[2]!;
    const rows = personRows(person, { reportNo: 'TJ-BAD', date: '2024-06-01' }, [
      ['空腹血糖', '5.2', 'mmol/L', '3.9-6.1'],
      ['谷丙转氨酶', '12..5', 'U/L', '9-50'],
      ['总胆固醇', '', 'mmol/L', '<5.2'],
      ['血红蛋白', '150', 'g/L', '130-175'],
    ]);
    // Rows for people who are not patients: one without any identifier (refused by the parser), one whose record
    // number is unknown here and who cannot be registered (no ID number).
    rows.push({
      reportNo: 'TJ-NOBODY',
      name: '无名',
      checkupDate: '2024-06-01',
      itemName: '空腹血糖',
      result: '5.0',
    });
    rows.push({
      reportNo: 'TJ-MRN',
      mrn: 'NOPE-1',
      name: '无档',
      checkupDate: '2024-06-01',
      itemName: '空腹血糖',
      result: '5.0',
    });
    const job = await importFiles(manager, [{ name: 'bad.csv', content: templateCsv(rows) }]);
    expect(job).toMatchObject({ status: 'done', reportsCreated: 1, itemsStored: 2 });
    const problems = await problemsOf(job.id);
    // Row 1 is the header: the item rows are 2..5, the stranger's row 6.
    expect(problems.map((p) => [p.rowNo, p.code])).toEqual(
      expect.arrayContaining([
        [3, 'bad_number'],
        [4, 'missing_value'],
        [6, 'missing_patient'],
        [7, 'patient_not_found'],
      ]),
    );
    expect(problems.every((p) => p.fileName === 'bad.csv' && p.message.length > 10)).toBe(true);

    const csv = await manager.get(`/api/v1/checkups/imports/${job.id}/problems.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('bad.csv,3,');
  });

  it('reads a GB18030 CSV as Excel in Chinese Windows saves it', async () => {
    const person: TemplatePerson = {
      name: '欧阳娜娜',
      sex: 'female',
      birthDate: '1990-01-15',
      nationalId: residentId('1990-01-15', 'female', 7),
    };
    const text = formatCsv(
      templateTable(
        personRows(person, { reportNo: 'TJ-GBK', date: '2025-01-10', center: '北京体检中心' }, PANEL),
      ),
    );
    const job = await importFiles(manager, [{ name: 'gbk.csv', content: encodeGb18030(text) }]);
    expect(job).toMatchObject({ status: 'done', reportsCreated: 1, itemsStored: 7 });
    const id = await patientIdOf(person.nationalId);
    expect((await manager.get(`/api/v1/patients/${id}`)).json().name).toBe('欧阳娜娜');
    const [report] = (await manager.get(`/api/v1/patients/${id}/checkups`)).json().items;
    expect(report.center).toBe('北京体检中心');
  });

  it('re-codes the stored unmapped items when a health manager maps their name, converting units', async () => {
    const uric = await manager.post('/api/v1/checkups/item-mappings', {
      localName: '血清尿酸测定',
      loinc: '3084-1',
    });
    expect(uric.statusCode).toBe(201);
    expect(uric.json()).toMatchObject({ recoded: 5, mapping: { loinc: '3084-1', analyteNameZh: '尿酸' } });
    const creatinine = await manager.post('/api/v1/checkups/item-mappings', {
      localName: '血清肌酐测定',
      loinc: '2160-0',
    });
    expect(creatinine.json().recoded).toBe(5);
    const left = (await manager.get('/api/v1/checkups/unmapped')).json().items;
    expect(left.map((u: { localName: string }) => u.localName)).toEqual(['尿蛋白']);

    // Creatinine in mg/dL moved into μmol/L (x 88.42), with its range.
    const rows = await t.deps.db
      .selectFrom('observations')
      .select(['value_num', 'unit', 'ref_low', 'ref_high'])
      .where('code', '=', '2160-0')
      .execute();
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ value_num: 88.4, unit: 'umol/L', ref_low: 61.9, ref_high: 114.9 });

    const bad = await manager.patch(`/api/v1/checkups/item-mappings/${uric.json().mapping.id}`, {
      loinc: '9999-9',
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'CHECKUP_UNKNOWN_LOINC', errors: [{ path: 'loinc' }] });
    const stale = await manager.patch(`/api/v1/checkups/item-mappings/${uric.json().mapping.id}`, {
      unit: 'umol/L',
      version: 7,
    });
    expect(stale.statusCode).toBe(409);
    const again = await manager.post('/api/v1/checkups/item-mappings', {
      localName: ' 血清尿酸测定 ',
      loinc: '3084-1',
    });
    expect(again.statusCode).toBe(409);
  });
});
