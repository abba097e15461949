import { describe, expect, it } from 'vitest';
import { cellsOfOcrLine, fixOcrNumber, ocrTextToReport } from './ocr-text.ts';

describe('fixOcrNumber', () => {
  it.each([
    ['7.O', '7.0'],
    ['l2.5', '12.5'],
    ['1O5', '105'],
    ['7。2', '7.2'],
    ['3.9-6.l', '3.9-6.1'],
    ['<5.2', '<5.2'],
    ['1O5↑', '105↑'],
  ])('reads %s as %s', (token, fixed) => {
    expect(fixOcrNumber(token)).toBe(fixed);
  });

  it.each(['mmol/L', 'Oil', 'ALT', 'IgG', 'O'])('leaves %s alone: no digit, not a number', (token) => {
    expect(fixOcrNumber(token)).toBe(token);
  });
});

describe('cellsOfOcrLine', () => {
  it('reads name, result, unit, range and flag, with the spaces OCR puts between Chinese characters', () => {
    expect(cellsOfOcrLine('空 腹 血 糖  7.2  mmol/L  3.9-6.1  ↑', 3)).toEqual([
      { rowNo: 3, name: '空腹血糖', result: '7.2', unit: 'mmol/L', range: '3.9-6.1', flag: '↑' },
    ]);
  });

  it('reads two items on one line (a two-column report) and spaced ranges', () => {
    expect(cellsOfOcrLine('总胆固醇 5.8 mmol/L <5.2 ↑ 尿蛋白 阴性 阴性', 1)).toEqual([
      { rowNo: 1, name: '总胆固醇', result: '5.8', unit: 'mmol/L', range: '<5.2', flag: '↑' },
      { rowNo: 1, name: '尿蛋白', result: '阴性', range: '阴性' },
    ]);
    expect(cellsOfOcrLine('血红蛋白 l28 g/L 130 - 175 L', 1)).toEqual([
      { rowNo: 1, name: '血红蛋白', result: '128', unit: 'g/L', range: '130-175', flag: 'L' },
    ]);
  });

  it('puts back the slash OCR loses in units', () => {
    expect(cellsOfOcrLine('空腹血糖 7.2 mmolL 3.9-6.1', 1)[0]?.unit).toBe('mmol/L');
    expect(cellsOfOcrLine('谷丙转氨酶 35 UAL 9-50', 1)[0]?.unit).toBe('U/L');
    expect(cellsOfOcrLine('身高 172 cm', 1)[0]?.unit).toBe('cm');
  });

  it('reads a name glued to its number and English names', () => {
    expect(cellsOfOcrLine('肌酐80 umol/L 57-111', 1)[0]).toMatchObject({ name: '肌酐', result: '80' });
    expect(cellsOfOcrLine('ALT 35 U/L 9-50', 1)[0]).toMatchObject({ name: 'ALT', result: '35', unit: 'U/L' });
  });

  it('finds nothing in lines without a result', () => {
    expect(cellsOfOcrLine('项目 结果 单位 参考范围', 1)).toEqual([]);
    expect(cellsOfOcrLine('第 1 页', 1)).toEqual([]);
    expect(cellsOfOcrLine('', 1)).toEqual([]);
    expect(cellsOfOcrLine('钾 4.1 mmol/L 3.5-5.3', 1)[0]).toMatchObject({ name: '钾', result: '4.1' });
  });
});

describe('ocrTextToReport', () => {
  const text = [
    '某某医院健康管理中心 体检报告',
    '姓 名：张 三  性 别：男  年 龄：45岁',
    '体检编号：TJ20260301001  体检日期：2026-03-0l',
    '项 目  结 果  单 位  参 考 范 围  提 示',
    '空 腹 血 糖 7.2 mmol/L 3.9-6.1 ↑',
    '谷 丙 转 氨 酶 35 U/L 9-50',
    '总 胆 固 醇 5.8 mmol/L <5.2 ↑',
    '总检结论：空腹血糖偏高。',
  ].join('\n');

  it('reads the header fields and the items', () => {
    const outcome = ocrTextToReport(text);
    const [report] = outcome.reports;
    expect(report).toMatchObject({
      externalId: 'TJ20260301001',
      patient: { name: '张三', sex: 'male' },
      conclusion: '空腹血糖偏高。',
    });
    expect(report?.items.map((i) => [i.rowNo, i.localName, i.valueNum, i.flag, i.code?.code])).toEqual([
      [5, '空腹血糖', 7.2, 'H', '14771-0'],
      [6, '谷丙转氨酶', 35, undefined, '1742-6'],
      [7, '总胆固醇', 5.8, 'H', '2093-3'],
    ]);
  });

  it('reports a checkup date OCR damaged beyond repair', () => {
    const outcome = ocrTextToReport(text);
    expect(outcome.problems).toEqual([expect.objectContaining({ rowNo: 3, code: 'bad_date' })]);
  });

  it('refuses text without item lines', () => {
    expect(ocrTextToReport('今天天气很好\n我们去公园').fatal?.code).toBe('not_a_report');
    expect(ocrTextToReport('').fatal?.code).toBe('not_a_report');
  });
});
