import { describe, expect, it } from 'vitest';
import { csvToReports } from './csv-import.ts';
import { formatCsv } from './csv.ts';
import { tabularToReports } from './tabular.ts';
import { CHECKUP_TEMPLATE_COLUMNS } from './template-columns.ts';

const HEADER_ZH = [
  '体检编号',
  '身份证号',
  '姓名',
  '性别',
  '出生日期',
  '体检日期',
  '项目名称',
  '项目代码',
  '结果',
  '单位',
  '参考范围',
  '提示',
  '总检结论',
];
const ZHANG = ['TJ001', '110105198005201231', '张三', '男', '1980-05-20', '2026-03-01'];
const LI = ['TJ002', '310115197511084563', '李四', '女', '', '2026/3/2'];

const row = (patient: readonly string[], item: readonly string[], conclusion = '') => [
  ...patient,
  ...item,
  conclusion,
];

describe('tabularToReports: the import template', () => {
  const rows = [
    HEADER_ZH,
    row(ZHANG, ['空腹血糖', '', '7.2', 'mmol/L', '3.9-6.1', '↑'], '空腹血糖偏高，建议复查'),
    row(ZHANG, ['总胆固醇', '2093-3', '4.8', 'mmol/L', '<5.2', '']),
    row(LI, ['尿蛋白', '', '阴性(-)', '', '阴性', '']),
    row(LI, ['血红蛋白', '', '112', 'g/L', '男:130-175 女:115-150', 'L']),
  ];
  const outcome = tabularToReports(rows, 'csv');

  it('groups rows into one report per report number', () => {
    expect(outcome.fatal).toBeUndefined();
    expect(outcome.problems).toEqual([]);
    expect(outcome.reports.map((r) => [r.externalId, r.items.length])).toEqual([
      ['TJ001', 2],
      ['TJ002', 2],
    ]);
  });

  it('reads the patient, taking birth date and sex from the national ID where the row has none', () => {
    const [zhang, li] = outcome.reports;
    expect(zhang?.patient).toEqual({
      nationalId: '110105198005201231',
      name: '张三',
      sex: 'male',
      birthDate: '1980-05-20',
    });
    expect(li?.patient).toMatchObject({ name: '李四', sex: 'female', birthDate: '1975-11-08' });
    expect(zhang?.performedAt).toBe('2026-03-01');
    expect(li?.performedAt).toBe('2026-03-02');
    expect(zhang?.conclusion).toBe('空腹血糖偏高，建议复查');
  });

  it('reads values, units, ranges and flags, and suggests LOINC codes for known names', () => {
    const [zhang, li] = outcome.reports;
    expect(zhang?.items[0]).toEqual({
      rowNo: 2,
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
    expect(zhang?.items[1]).toMatchObject({ code: { system: 'loinc', code: '2093-3' }, refHigh: 5.2 });
    expect(li?.items[0]).toEqual({ rowNo: 4, localName: '尿蛋白', valueText: '阴性(-)', refText: '阴性' });
    // The female range of a sex-specific range, since the patient is a woman.
    expect(li?.items[1]).toMatchObject({ valueNum: 112, refLow: 115, refHigh: 150, flag: 'L' });
  });
});

describe('tabularToReports: headers', () => {
  it('matches English headers in any case and spacing, and bilingual ones', () => {
    const header = [
      'REPORT NO',
      'national id',
      'Name',
      'sex',
      'Birth Date',
      'checkup date',
      'Item',
      'result',
      'Unit',
      'Reference Range',
      'FLAG',
    ];
    const bilingual = [
      '体检编号 / Report no',
      '身份证号/National ID',
      '姓名(必填)',
      '性别',
      '出生日期',
      '体检日期*',
      '项目名称',
      '结果(Result)',
      '单位',
      '参考范围',
      '提示',
    ];
    for (const h of [header, bilingual]) {
      const outcome = tabularToReports([h, [...ZHANG, 'ALT', '35', 'U/L', '9-50', '']], 'xlsx');
      expect(outcome.fatal).toBeUndefined();
      expect(outcome.reports[0]?.items[0]).toMatchObject({
        localName: 'ALT',
        valueNum: 35,
        code: { code: '1742-6' },
      });
    }
  });

  it('finds the header below a title row and skips the template hint row', () => {
    const hints = CHECKUP_TEMPLATE_COLUMNS.map((c) => c.hintZh);
    const header = CHECKUP_TEMPLATE_COLUMNS.map((c) => c.zh);
    const data = CHECKUP_TEMPLATE_COLUMNS.map(
      (c) =>
        ({
          reportNo: 'TJ9',
          nationalId: ZHANG[1],
          name: '张三',
          checkupDate: '2026-03-01',
          itemName: '身高',
          result: '172',
          unit: 'cm',
        })[c.key as string] ?? '',
    );
    const outcome = tabularToReports([['某医院体检结果导出'], header, hints, data], 'xlsx');
    expect(outcome.problems).toEqual([]);
    expect(outcome.reports[0]?.items).toEqual([
      {
        rowNo: 4,
        localName: '身高',
        code: { system: 'loinc', code: '8302-2' },
        valueText: '172',
        valueNum: 172,
        unit: 'cm',
      },
    ]);
  });

  it('refuses a file with wrong columns and names the missing ones', () => {
    const outcome = tabularToReports(
      [
        ['姓名', '项目', '数值'],
        ['张三', '血糖', '5'],
      ],
      'csv',
    );
    expect(outcome.reports).toEqual([]);
    expect(outcome.fatal).toMatchObject({ code: 'missing_column' });
    expect(outcome.fatal?.message).toContain('结果 (Result)');
    expect(outcome.fatal?.message).toContain('体检编号 (Report no)');
    expect(outcome.fatal?.message).not.toContain('姓名 (Name)');
    expect(outcome.fatal?.messageZh).toContain('缺少必填列');
  });

  it('refuses an empty file and one with a header only', () => {
    expect(tabularToReports([], 'csv').fatal?.code).toBe('empty_file');
    expect(tabularToReports([HEADER_ZH], 'csv').fatal?.code).toBe('no_rows');
  });

  it('refuses more rows than the limit', () => {
    const rows = [
      HEADER_ZH,
      ...Array.from({ length: 40 }, () => row(ZHANG, ['身高', '', '172', 'cm', '', ''])),
    ];
    expect(tabularToReports(rows, 'csv', { maxRows: 10 }).fatal?.code).toBe('too_many_rows');
  });
});

describe('tabularToReports: bad rows are reported, good rows kept', () => {
  const rows = [
    HEADER_ZH,
    row(ZHANG, ['空腹血糖', '', '7.x', 'mmol/L', '3.9-6.1', '']), // 2 bad number
    row(ZHANG, ['总胆固醇', '', '4.8', 'mmol/L', '<5.2', '']), // 3 good
    row(
      ['TJ001', '110105198005201231', '张三', '男', '1980-05-20', '2026-13-45'],
      ['肌酐', '', '80', 'umol/L', '', ''],
    ), // 4 bad date
    row(['TJ003', '', '王五', '男', '', '2026-03-01'], ['尿酸', '', '400', 'umol/L', '', '']), // 5 no patient id
    row(
      ['TJ004', '110105198005201230', '赵六', '男', '', '2026-03-01'],
      ['尿酸', '', '400', 'umol/L', '', ''],
    ), // 6 bad ID
    row(ZHANG, ['血小板计数', '', '', '10^9/L', '125-350', '']), // 7 empty result
    row(ZHANG, ['体重', '', '70', 'kg', '', '很高']), // 8 unknown flag, kept
    row(['TJ001', '310115197511084563', '李四', '女', '', '2026-03-01'], ['钾', '', '4.1', 'mmol/L', '', '']), // 9 other patient
    row(['示例-TJ', ZHANG[1] ?? '', '张三', '男', '', '2026-03-01'], ['钠', '', '140', 'mmol/L', '', '']), // 10 example
    row(ZHANG, ['心率', '', '弃检', '', '', '']), // 11 not done
    row(ZHANG, ['谷丙转氨酶', '', '三十五', 'U/L', '9-50', '']), // 12 words for a number
    row(ZHANG, ['甲胎蛋白', '', '未检出', 'ng/mL', '0-7', '']), // 13 good: below detection
  ];
  const outcome = tabularToReports(rows, 'csv');

  it('lists each bad row with its row number, field and code', () => {
    expect(outcome.problems.map((p) => [p.rowNo, p.code, p.field])).toEqual([
      [2, 'bad_number', 'result'],
      [4, 'bad_date', 'checkupDate'],
      [5, 'missing_patient', 'nationalId'],
      [6, 'bad_national_id', 'nationalId'],
      [6, 'missing_patient', 'nationalId'],
      [7, 'missing_value', 'result'],
      [8, 'invalid_code', 'flag'],
      [9, 'inconsistent_patient', 'nationalId'],
      [10, 'example_row', 'reportNo'],
      [11, 'not_done', 'result'],
      [12, 'bad_number', 'result'],
    ]);
    expect(outcome.problems[0]?.message).toBe('空腹血糖: the result "7.x" is not a number');
    expect(outcome.problems[0]?.messageZh).toBe('空腹血糖：结果 "7.x" 不是有效数字');
  });

  it('keeps the good rows', () => {
    expect(outcome.fatal).toBeUndefined();
    expect(outcome.reports).toHaveLength(1);
    expect(outcome.reports[0]?.items.map((i) => [i.rowNo, i.localName, i.flag])).toEqual([
      [3, '总胆固醇', undefined],
      [8, '体重', undefined],
      [13, '甲胎蛋白', undefined],
    ]);
  });

  it('groups rows without a report number by national ID and checkup date', () => {
    const noNumber = ['', ...ZHANG.slice(1)];
    const grouped = tabularToReports(
      [
        HEADER_ZH,
        row(noNumber, ['身高', '', '172', 'cm', '', '']),
        row(noNumber, ['体重', '', '70', 'kg', '', '']),
        row([...noNumber.slice(0, 5), '2026-04-01'], ['体重', '', '71', 'kg', '', '']),
      ],
      'csv',
    );
    expect(grouped.reports.map((r) => [r.externalId, r.performedAt, r.items.length])).toEqual([
      [undefined, '2026-03-01', 2],
      [undefined, '2026-04-01', 1],
    ]);
  });
});

describe('csvToReports', () => {
  const rows = [HEADER_ZH, row(ZHANG, ['空腹血糖', '', '7.2', 'mmol/L', '3.9-6.1', '偏高'])];

  it('reads UTF-8 with a BOM, comma or tab separated', () => {
    for (const delimiter of [',', '\t'] as const) {
      const bytes = new Uint8Array([
        0xef,
        0xbb,
        0xbf,
        ...new TextEncoder().encode(formatCsv(rows, delimiter)),
      ]);
      const outcome = csvToReports(bytes);
      expect(outcome.encoding).toBe('utf-8');
      expect(outcome.reports[0]?.items[0]).toMatchObject({ localName: '空腹血糖', valueNum: 7.2, flag: 'H' });
    }
  });

  // GB18030 bytes of the characters used (from `iconv -t gb18030`); Node's TextEncoder writes only UTF-8.
  const GB: Readonly<Record<string, string>> = {
    体: 'cce5',
    检: 'bcec',
    编: 'b1e0',
    号: 'bac5',
    身: 'c9ed',
    份: 'b7dd',
    证: 'd6a4',
    姓: 'd0d5',
    名: 'c3fb',
    性: 'd0d4',
    别: 'b1f0',
    出: 'b3f6',
    生: 'c9fa',
    日: 'c8d5',
    期: 'c6da',
    项: 'cfee',
    目: 'c4bf',
    称: 'b3c6',
    结: 'bde1',
    果: 'b9fb',
    单: 'b5a5',
    位: 'cebb',
    参: 'b2ce',
    考: 'bfbc',
    范: 'b7b6',
    围: 'cea7',
    提: 'cce1',
    示: 'cabe',
    空: 'bfd5',
    腹: 'b8b9',
    血: 'd1aa',
    糖: 'ccc7',
    张: 'd5c5',
    三: 'c8fd',
    男: 'c4d0',
    偏: 'c6ab',
    高: 'b8df',
  };
  const gb18030 = (text: string): Uint8Array =>
    new Uint8Array(
      [...text].flatMap((char) => {
        const hex = GB[char];
        if (hex) return [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2), 16)];
        if (char.charCodeAt(0) > 0x7f) throw new Error(`no GB18030 bytes for ${char}`);
        return [char.charCodeAt(0)];
      }),
    );

  it('reads a GB18030 file as Excel on a Chinese Windows saves it', () => {
    const text = formatCsv([
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
        'TJ001',
        '110105198005201231',
        '张三',
        '男',
        '1980-05-20',
        '2026-03-01',
        '空腹血糖',
        '7.2',
        'mmol/L',
        '3.9-6.1',
        '偏高',
      ],
    ]);
    const outcome = csvToReports(gb18030(text));
    expect(outcome.encoding).toBe('gb18030');
    expect(outcome.problems).toEqual([]);
    expect(outcome.reports[0]?.patient.name).toBe('张三');
    expect(outcome.reports[0]?.items[0]).toMatchObject({
      localName: '空腹血糖',
      valueNum: 7.2,
      refLow: 3.9,
      flag: 'H',
    });
  });

  it('reports a quote that never closes', () => {
    const text = `${formatCsv(rows)}"TJ002,broken`;
    const outcome = csvToReports(text);
    expect(outcome.reports).toHaveLength(1);
    expect(outcome.problems.some((p) => p.code === 'unterminated_quote' && p.rowNo === 3)).toBe(true);
  });

  it('refuses binary data', () => {
    expect(csvToReports(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1])).fatal?.code).toBe('not_text');
  });
});
