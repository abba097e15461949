import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCheckupFile } from './index.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../test/fixtures/checkups/${name}`, import.meta.url)));
// shared/testdata beside the project, wherever the clone lives.
const testdata = (path: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../../../../shared/testdata/${path}`, import.meta.url)));

describe('parseCheckupFile', () => {
  it('reads a GB18030 CSV, reporting the row whose result is not a number', async () => {
    const outcome = await parseCheckupFile({
      bytes: fixture('template-gb18030.csv'),
      fileName: '体检结果.csv',
      declaredType: 'text/csv',
    });
    expect(outcome.format).toBe('csv');
    expect(outcome.reports[0]?.patient.name).toBe('张三');
    expect(outcome.reports[0]?.conclusion).toBe('空腹血糖偏高，建议复查');
    expect(
      outcome.reports[0]?.items.map((i) => [i.localName, i.valueText, i.refLow, i.refHigh, i.flag]),
    ).toEqual([
      ['空腹血糖', '7.2', 3.9, 6.1, 'H'],
      ['尿蛋白', '阴性(-)', undefined, undefined, undefined],
    ]);
    expect(outcome.problems).toEqual([
      expect.objectContaining({ rowNo: 4, code: 'bad_number', field: 'result' }),
    ]);
  });

  it('reads an HL7 file and a FHIR bundle from the shared test data', async () => {
    const hl7 = await parseCheckupFile({
      bytes: testdata('hl7v2/python-hl7/sample_hl7.hl7'),
      fileName: 'sample_hl7.hl7',
    });
    expect(hl7.format).toBe('hl7');
    expect(hl7.reports[0]?.items[0]).toMatchObject({
      code: { code: '1554-5' },
      valueNum: 182,
      unit: 'mg/dl',
    });
    const fhir = await parseCheckupFile({
      bytes: testdata(
        'fhir/r4-official-examples/diagnosticreport-examples/diagnosticreport-example-lipids.json',
      ),
      fileName: 'lipids.json',
      declaredType: 'application/fhir+json',
    });
    expect(fhir.format).toBe('fhir');
    expect(fhir.reports[0]?.items).toHaveLength(4);
  });

  it('reads a text PDF', async () => {
    const outcome = await parseCheckupFile({
      bytes: fixture('two-column-report.pdf'),
      fileName: 'report.pdf',
      declaredType: 'application/pdf',
    });
    expect(outcome.reports[0]?.items).toHaveLength(18);
  });

  it('refuses an executable renamed .pdf', async () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(56).fill(0)]);
    const outcome = await parseCheckupFile({
      bytes: elf,
      fileName: '体检报告.pdf',
      declaredType: 'application/pdf',
    });
    expect(outcome).toMatchObject({ format: 'pdf', reports: [], fatal: { code: 'executable' } });
  });

  it('refuses a 50 MB image by its size, before decoding it', async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const started = Date.now();
    const outcome = await parseCheckupFile({ bytes: big, fileName: 'photo.jpg', declaredType: 'image/jpeg' });
    expect(outcome.fatal).toMatchObject({ code: 'too_large' });
    expect(outcome.fatal?.message).toContain('10 MB');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses a PDF that is not a report, and text named .pdf', async () => {
    const letter = await parseCheckupFile({ bytes: fixture('not-a-report.pdf'), fileName: 'letter.pdf' });
    expect(letter.fatal?.code).toBe('not_a_report');
    const renamed = await parseCheckupFile({
      bytes: fixture('template-gb18030.csv'),
      fileName: 'report.pdf',
    });
    expect(renamed.fatal?.code).toBe('type_mismatch');
  });
});
