import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv, tabularToReports } from '@careloop/interop';
import { buildTemplateCsv, buildTemplateXlsx, templateRows } from './template.ts';
import { cellText, readXlsxRows, xlsxToReports } from './xlsx.ts';

const HEADER = [
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
];

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void, sheetName = 'Sheet1'): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet(sheetName));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('cellText', () => {
  it.each<[string, ExcelJS.CellValue, string]>([
    ['a date', new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    ['a date and time', new Date(Date.UTC(2026, 2, 1, 8, 30)), '2026-03-01 08:30'],
    ['a float with binary noise', 0.1 + 0.2, '0.3'],
    ['an integer', 172, '172'],
    ['an ID typed as a number, as Excel shows it', Number('110105198005201231'), '110105198005201000'],
    ['rich text', { richText: [{ text: '空腹' }, { text: '血糖', font: { bold: true } }] }, '空腹血糖'],
    ['a formula', { formula: 'A1*2', result: 7.2 }, '7.2'],
    ['a formula with an error', { formula: '1/0', result: { error: '#DIV/0!' } }, ''],
    ['an error', { error: '#N/A' }, ''],
    ['a hyperlink', { text: 'TJ1', hyperlink: 'https://example.com' }, 'TJ1'],
    ['nothing', null, ''],
  ])('reads %s', (_name, value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe('xlsxToReports', () => {
  it('reads the checkup sheet of a workbook: dates, numbers and text as a person typed them', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(HEADER);
      sheet.addRow([
        'TJ1',
        '110105198005201231',
        '张三',
        '男',
        new Date(Date.UTC(1980, 4, 20)),
        new Date(Date.UTC(2026, 2, 1)),
        '空腹血糖',
        7.2,
        'mmol/L',
        '3.9-6.1',
        '↑',
      ]);
      sheet.addRow([
        'TJ1',
        '110105198005201231',
        '张三',
        '男',
        '',
        '2026-03-01',
        { richText: [{ text: '总胆' }, { text: '固醇' }] },
        { formula: '2.9*2', result: 5.8 },
        'mmol/L',
        '<5.2',
        '↑',
      ]);
    });
    const outcome = await xlsxToReports(bytes);
    expect(outcome.problems).toEqual([]);
    const [report] = outcome.reports;
    expect(report?.patient).toMatchObject({ name: '张三', birthDate: '1980-05-20' });
    expect(report?.performedAt).toBe('2026-03-01');
    expect(report?.items.map((i) => [i.localName, i.valueNum, i.flag])).toEqual([
      ['空腹血糖', 7.2, 'H'],
      ['总胆固醇', 5.8, 'H'],
    ]);
  });

  it('prefers a sheet named 体检结果 over the first one', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').addRow(['请在“体检结果”表中填写']);
    const sheet = book.addWorksheet('体检结果');
    sheet.addRow(HEADER);
    sheet.addRow(['TJ1', '110105198005201231', '张三', '男', '', '2026-03-01', '身高', 172, 'cm', '', '']);
    const outcome = await xlsxToReports(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(outcome.reports[0]?.items[0]).toMatchObject({ localName: '身高', valueNum: 172 });
  });

  it('refuses a workbook with the wrong columns, naming them', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['name', 'test', 'value']);
      sheet.addRow(['张三', '血糖', 5]);
    });
    const outcome = await xlsxToReports(bytes);
    expect(outcome.fatal).toMatchObject({ code: 'missing_column' });
    expect(outcome.fatal?.message).toContain('体检日期 (Checkup date)');
  });

  it('refuses a damaged or truncated workbook without throwing', async () => {
    const good = await workbook((sheet) => sheet.addRow(HEADER));
    for (const bad of [
      good.subarray(0, good.length / 2),
      new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]),
      Uint8Array.from(good).fill(0x41, 200, 2000),
    ]) {
      const outcome = await xlsxToReports(bad);
      expect(outcome.fatal?.code).toBe('unreadable_xlsx');
      expect(outcome.reports).toEqual([]);
    }
  });
});

describe('the import template', () => {
  it('has the header, a hint row and two example rows in either language', () => {
    for (const language of ['zh', 'en'] as const) {
      const rows = templateRows(language);
      expect(rows).toHaveLength(4);
      expect(rows[0]?.[0]).toBe(language === 'zh' ? '体检编号' : 'Report no');
    }
  });

  it('round-trips as Excel: download, fill in, upload', async () => {
    const template = await buildTemplateXlsx('zh');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('体检结果');
    if (!sheet) throw new Error('the template has no 体检结果 sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const row = (values: Record<string, string | number>) => header.map((h) => values[h] ?? '');
    sheet.addRow(
      row({
        体检编号: 'TJ777',
        身份证号: '310115197511084563',
        姓名: '李四',
        体检日期: '2026-03-02',
        项目名称: '甘油三酯',
        结果: 2.3,
        单位: 'mmol/L',
        参考范围: '<1.7',
        提示: '↑',
      }),
    );
    sheet.addRow(
      row({
        体检编号: 'TJ777',
        身份证号: '310115197511084563',
        姓名: '李四',
        体检日期: '2026-03-02',
        项目名称: '血红蛋白',
        结果: 118,
        单位: 'g/L',
        参考范围: '男:130-175 女:115-150',
      }),
    );
    const outcome = await xlsxToReports(new Uint8Array(await book.xlsx.writeBuffer()));
    // The two examples left in the template are skipped, and say so.
    expect(outcome.problems.map((p) => [p.rowNo, p.code])).toEqual([
      [3, 'example_row'],
      [4, 'example_row'],
    ]);
    expect(outcome.reports).toHaveLength(1);
    expect(outcome.reports[0]).toMatchObject({
      externalId: 'TJ777',
      patient: { name: '李四', sex: 'female', birthDate: '1975-11-08' },
    });
    expect(
      outcome.reports[0]?.items.map((i) => [i.rowNo, i.localName, i.valueNum, i.refLow, i.refHigh, i.flag]),
    ).toEqual([
      [5, '甘油三酯', 2.3, undefined, 1.7, 'H'],
      [6, '血红蛋白', 118, 115, 150, undefined],
    ]);
  });

  it('round-trips as CSV with a UTF-8 BOM', () => {
    const csv = buildTemplateCsv('en');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(csv.subarray(3).toString('utf8')).rows;
    expect(rows).toEqual(templateRows('en'));
    const filled = [...rows, rows[3]?.map((cell, i) => (i === 0 ? 'TJ1' : cell)) ?? []];
    const outcome = tabularToReports(filled, 'csv');
    expect(outcome.reports[0]?.items[0]).toMatchObject({ localName: '总胆固醇', valueNum: 4.8 });
  });

  it('reads back its own rows', async () => {
    const rows = await readXlsxRows(await buildTemplateXlsx('en'));
    expect(Array.isArray(rows) && rows.slice(0, 4)).toEqual(templateRows('en'));
  });
});
