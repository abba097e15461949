import { describe, expect, it } from 'vitest';
import { layoutToReport } from './layout-report.ts';
import { layoutToRows, type LayoutTextItem } from './layout.ts';

const CHAR = 10; // a 10-point CJK glyph is about 10 units wide

/** Text runs of one line: [x, text] pairs at height y, widths from the character count. */
const line = (page: number, y: number, ...runs: [number, string][]): LayoutTextItem[] =>
  runs.map(([x, str]) => ({ str, x, y, width: str.length * CHAR * 0.6, page, height: CHAR }));

const HEADER = (x: number): [number, string][] => [
  [x, '项目'],
  [x + 90, '结果'],
  [x + 130, '单位'],
  [x + 175, '参考范围'],
  [x + 235, '提示'],
];
const row = (
  x: number,
  name: string,
  result: string,
  unit: string,
  range: string,
  flag = '',
): [number, string][] => {
  const cells: [number, string][] = [
    [x, name],
    [x + 92, result],
    [x + 130, unit],
    [x + 175, range],
  ];
  return flag ? [...cells, [x + 237, flag]] : cells;
};

// A one-page report with the patient header, two item tables side by side and a conclusion.
const twoColumnPage: LayoutTextItem[] = [
  ...line(1, 40, [200, '某某医院健康管理中心 体检报告']),
  ...line(1, 70, [30, '姓名：张三'], [150, '性别：男'], [250, '年龄：45岁']),
  ...line(1, 85, [30, '体检编号：TJ20260301001'], [250, '体检日期：2026-03-01']),
  ...line(1, 120, ...HEADER(30), ...HEADER(310)),
  ...line(
    1,
    140,
    ...row(30, '空腹血糖', '7.2', 'mmol/L', '3.9-6.1', '↑'),
    ...row(310, '谷丙转氨酶', '35', 'U/L', '9-50'),
  ),
  ...line(
    1,
    155,
    ...row(30, '总胆固醇', '5.8', 'mmol/L', '<5.2', '↑'),
    ...row(310, '肌酐', '80', 'umol/L', '57-111'),
  ),
  ...line(
    1,
    170,
    ...row(30, '血红蛋白', '128', 'g/L', '男:130-175', '↓'),
    ...row(310, '尿蛋白', '阴性', '', '阴性'),
  ),
  ...line(1, 180, [205, '女:115-150']),
  ...line(1, 220, [30, '总检结论：空腹血糖偏高，建议内分泌科复查。']),
  ...line(1, 235, [30, '血脂偏高，低脂饮食。']),
];

describe('layoutToRows', () => {
  it('finds two item tables side by side and reads each row into its columns', () => {
    const layout = layoutToRows(twoColumnPage);
    expect(layout.tablesPerLine).toBe(2);
    expect(
      layout.rows.map((r) => [
        r.table,
        r.cells.name,
        r.cells.result,
        r.cells.unit,
        r.cells.range,
        r.cells.flag,
      ]),
    ).toEqual([
      [0, '空腹血糖', '7.2', 'mmol/L', '3.9-6.1', '↑'],
      [0, '总胆固醇', '5.8', 'mmol/L', '<5.2', '↑'],
      [0, '血红蛋白', '128', 'g/L', '男:130-175 女:115-150', '↓'],
      [1, '谷丙转氨酶', '35', 'U/L', '9-50', ''],
      [1, '肌酐', '80', 'umol/L', '57-111', ''],
      [1, '尿蛋白', '阴性', '', '阴性', ''],
    ]);
    expect(layout.conclusion).toBe('空腹血糖偏高，建议内分泌科复查。\n血脂偏高，低脂饮食。');
  });

  it('ignores columns it does not read (序号, 检验方法), also in front of the second table', () => {
    const header = (x: number): [number, string][] => [
      [x, '序号'],
      [x + 25, '项目'],
      [x + 110, '结果'],
      [x + 150, '单位'],
      [x + 200, '检验方法'],
      [x + 250, '参考值'],
    ];
    const data = (x: number, n: string, name: string, result: string): [number, string][] => [
      [x, n],
      [x + 25, name],
      [x + 112, result],
      [x + 150, 'U/L'],
      [x + 200, '速率法'],
      [x + 250, '9-50'],
    ];
    const layout = layoutToRows([
      ...line(1, 100, ...header(30), ...header(330)),
      ...line(1, 120, ...data(30, '1', '谷丙转氨酶', '35'), ...data(330, '7', '谷草转氨酶', '28')),
    ]);
    expect(layout.rows.map((r) => r.cells)).toEqual([
      { name: '谷丙转氨酶', result: '35', unit: 'U/L', range: '9-50', flag: '' },
      { name: '谷草转氨酶', result: '28', unit: 'U/L', range: '9-50', flag: '' },
    ]);
  });

  it('groups runs whose y differ by less than half a glyph into one line, across pages in order', () => {
    const items = [...line(2, 100, [30, 'B']), ...line(1, 100.4, [80, 'A2']), ...line(1, 99.8, [30, 'A1'])];
    expect(layoutToRows(items).lines).toEqual([
      { rowNo: 1, page: 1, text: 'A1  A2' },
      { rowNo: 2, page: 2, text: 'B' },
    ]);
  });
});

describe('layoutToReport', () => {
  it('reads the patient header, the items and the conclusion', () => {
    const outcome = layoutToReport(twoColumnPage);
    expect(outcome.problems).toEqual([]);
    const [report] = outcome.reports;
    expect(report).toMatchObject({
      externalId: 'TJ20260301001',
      performedAt: '2026-03-01',
      center: '某某医院健康管理中心',
      patient: { name: '张三', sex: 'male' },
    });
    expect(report?.items).toHaveLength(6);
    expect(report?.items[0]).toEqual({
      rowNo: 5, // the fifth line: title, two header lines, the table header, then this row
      localName: '空腹血糖',
      code: { system: 'loinc', code: '14771-0' },
      valueText: '7.2',
      valueNum: 7.2,
      unit: 'mmol/L',
      refLow: 3.9,
      refHigh: 6.1,
      refText: '3.9-6.1',
      flag: 'H',
    });
    // A man: the male part of the wrapped sex-specific range.
    expect(report?.items[2]).toMatchObject({ localName: '血红蛋白', refLow: 130, refHigh: 175, flag: 'L' });
  });

  it('reads an English report', () => {
    const items = [
      ...line(1, 40, [30, 'Name: John Smith    Sex: M    Report No: R-77    Checkup Date: 2026-03-05']),
      ...line(1, 80, [30, 'Item'], [190, 'Result'], [250, 'Unit'], [320, 'Reference'], [410, 'Flag']),
      ...line(1, 100, [30, 'Fasting glucose'], [190, '7.2'], [250, 'mmol/L'], [320, '3.9-6.1'], [410, 'H']),
      ...line(1, 116, [30, 'ALT'], [190, '35'], [250, 'U/L'], [320, '9-50']),
    ];
    const [report] = layoutToReport(items).reports;
    expect(report).toMatchObject({
      externalId: 'R-77',
      performedAt: '2026-03-05',
      patient: { name: 'John Smith', sex: 'male' },
    });
    expect(report?.items.map((i) => [i.localName, i.valueNum, i.flag, i.code?.code])).toEqual([
      ['Fasting glucose', 7.2, 'H', '14771-0'],
      ['ALT', 35, undefined, '1742-6'],
    ]);
  });

  it('refuses a PDF without an item table as not a report', () => {
    const letter = [
      ...line(1, 50, [30, '尊敬的客户：']),
      ...line(1, 70, [30, '您好，欢迎参加本次体检。结果请见附件。']),
    ];
    const outcome = layoutToReport(letter);
    expect(outcome.reports).toEqual([]);
    expect(outcome.fatal?.code).toBe('not_a_report');
    expect(layoutToReport([]).fatal?.code).toBe('not_a_report');
  });

  it('reports bad rows of a table and keeps the good ones', () => {
    const items = [
      ...line(1, 100, ...HEADER(30)),
      ...line(1, 120, ...row(30, '空腹血糖', '7..2', 'mmol/L', '3.9-6.1')),
      ...line(1, 140, ...row(30, '尿酸', '420', 'umol/L', '208-428')),
    ];
    const outcome = layoutToReport(items);
    expect(outcome.problems).toEqual([expect.objectContaining({ rowNo: 2, code: 'bad_number' })]);
    expect(outcome.reports[0]?.items.map((i) => i.localName)).toEqual(['尿酸']);
  });
});
