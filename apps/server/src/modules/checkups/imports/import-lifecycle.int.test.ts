import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { formatCsv, parseCsv } from '@careloop/interop';
import type { CheckupImportJob } from '@careloop/contracts';
import { renderPdf } from '../../../platform/pdf/index.ts';
import {
  createOrg,
  createStaff,
  createTestApp,
  signIn,
  type Client,
  type TestApp,
} from '../../../../test/harness.ts';
import { importFiles, residentId } from '../checkups.testing.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { importsRepository } from './imports.repository.ts';
import { CheckupImportRunner } from './import-runner.ts';

let t: TestApp;
let manager: Client;
let pharmacist: Client;

async function problemCodes(jobId: string): Promise<string[]> {
  const items = (await manager.get(`/api/v1/checkups/imports/${jobId}/problems`)).json().items as {
    code: string;
  }[];
  return items.map((p) => p.code);
}

beforeAll(async () => {
  t = await createTestApp();
  const orgId = await createOrg(t);
  manager = await signIn(t, await createStaff(t, orgId, ['health_manager']));
  pharmacist = await signIn(t, await createStaff(t, orgId, ['pharmacist']));
});
afterAll(() => t.close());

describe('the import template', () => {
  it('downloads as CSV in the caller’s language and imports once filled in', async () => {
    const res = await manager.request('GET', '/api/v1/checkups/template?format=csv', undefined, {
      'accept-language': 'zh-CN',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const [header, hints, ...examples] = parseCsv(res.body.replace(/^\uFEFF/, '')).rows;
    expect(header).toContain('体检编号');
    expect(hints?.length).toBe(header?.length);
    // The health manager keeps the header and hint rows, replaces the examples with three patients.
    const at = (name: string) => header!.indexOf(name);
    const filled = ['赵甲', '钱乙', '孙丙'].map((name, i) => {
      const row = [...examples[0]!];
      const birthDate = `1970-0${i + 1}-15`;
      row[at('体检编号')] = `T-${i}`;
      row[at('身份证号')] = residentId(birthDate, 'male', 30 + i);
      row[at('姓名')] = name;
      row[at('出生日期')] = birthDate;
      row[at('性别')] = '男';
      return row;
    });
    const job = await importFiles(manager, [
      { name: 'filled.csv', content: formatCsv([header!, hints!, ...filled]) },
    ]);
    expect(job).toMatchObject({ status: 'done', reportsCreated: 3, itemsStored: 3, problemCount: 0 });
  });

  it('downloads as an Excel workbook with English columns', async () => {
    const res = await manager.request('GET', '/api/v1/checkups/template?format=xlsx', undefined, {
      'accept-language': 'en-US',
    });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const first = book.worksheets[0]!.getRow(1).values as unknown[];
    expect(first).toContain('Report no');
  });

  it('is for staff who import, not for a pharmacist', async () => {
    expect((await pharmacist.get('/api/v1/checkups/template')).statusCode).toBe(403);
  });
});

describe('following and stopping imports', () => {
  it('lists the organization’s recent imports, newest first', async () => {
    const csv = formatCsv([
      [
        '体检编号',
        '身份证号',
        '姓名',
        '性别',
        '出生日期',
        '体检日期',
        '项目名称',
        '结果',
        '单位',
        '参考范围',
        '提示',
      ],
      [
        'L-1',
        residentId('1966-06-06', 'female', 3),
        '李丁',
        '女',
        '1966-06-06',
        '2025-06-06',
        '尿酸',
        '300',
        'μmol/L',
        '155-357',
        '',
      ],
    ]);
    await importFiles(manager, [{ name: 'one.csv', content: csv }]);
    const list = (await manager.get('/api/v1/checkups/imports?limit=1')).json();
    expect(list.items[0].files[0].name).toBe('one.csv');
    expect(list.items).toHaveLength(1);
    expect(list.nextCursor).toBeTruthy();
    const next = (await manager.get(`/api/v1/checkups/imports?cursor=${list.nextCursor}`)).json();
    expect(next.items.every((j: CheckupImportJob) => j.id < list.items[0].id)).toBe(true);
  });

  it('cancels a queued import before it stores anything, and refuses to cancel a finished one', async () => {
    const jobId = uuidv7();
    const finished = (await manager.get('/api/v1/checkups/imports?status=done&limit=1')).json().items[0];
    const owner = await t.deps.db
      .selectFrom('checkup_import_jobs')
      .select(['org_id', 'created_by'])
      .where('id', '=', finished.id)
      .executeTakeFirstOrThrow();
    await importsRepository.insertJob(t.deps.db, {
      id: jobId,
      orgId: owner.org_id,
      createdBy: owner.created_by,
      files: [],
    });
    const cancelled = await manager.post(`/api/v1/checkups/imports/${jobId}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', finishedAt: expect.any(String) });
    // A worker picking the job up afterwards leaves it alone.
    await new CheckupImportRunner(t.deps).run(jobId);
    expect((await manager.get(`/api/v1/checkups/imports/${jobId}`)).json().status).toBe('cancelled');

    const again = await manager.post(`/api/v1/checkups/imports/${finished.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CHECKUP_IMPORT_FINISHED');
  });

  it('answers 404 for an import of another organization', async () => {
    const other = await signIn(t, await createStaff(t, await createOrg(t), ['health_manager']));
    const mine = (await manager.get('/api/v1/checkups/imports?limit=1')).json().items[0];
    expect((await other.get(`/api/v1/checkups/imports/${mine.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/checkups/imports/${mine.id}/problems`)).statusCode).toBe(404);
  });
});

describe('files that are not what they claim', () => {
  it('reports a truncated HL7 message by its line and keeps nothing half-stored', async () => {
    const hl7 =
      'MSH|^~\\&|LIS|C|R|H|20260301||ORU^R01|M1|P|2.5\rPID|1||4711^^^H^MR||王^五\rOBR|1|A|B|X^Y|||2026030108\rOBX|1|NM|14771-0^空腹血糖^LN||';
    const job = await importFiles(manager, [{ name: 'cut.hl7', content: hl7 }]);
    expect(job.status).toBe('done');
    expect(job.itemsStored).toBe(0);
    expect(job.problemCount).toBeGreaterThan(0);
  });

  it('reports unknown FHIR resources and invalid codes entry by entry', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'Spaceship', id: 's1' } },
        {
          resource: {
            resourceType: 'Observation',
            id: 'o1',
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: 'not-a-code' }] },
            effectiveDateTime: '2026-03-01',
            valueQuantity: { value: 5, unit: 'mmol/L' },
          },
        },
      ],
    };
    const job = await importFiles(manager, [{ name: 'odd.json', content: JSON.stringify(bundle) }]);
    expect(job.status).toBe('done');
    const codes = await problemCodes(job.id);
    expect(codes).toContain('unknown_resource');
    expect(codes).toContain('invalid_code');
  });

  it('reports a PDF that is not a checkup report', async () => {
    const pdf = await renderPdf({
      content: 'Minutes of the annual meeting',
      language: 'en-US',
      title: 'Minutes',
    });
    const job = await importFiles(manager, [{ name: 'minutes.pdf', content: pdf, type: 'application/pdf' }]);
    expect(job).toMatchObject({ status: 'done', reportsCreated: 0 });
    expect(await problemCodes(job.id)).toEqual(['not_a_report']);
  });
});
