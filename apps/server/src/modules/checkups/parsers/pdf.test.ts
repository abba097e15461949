import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfToReports } from './pdf.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../../test/fixtures/checkups/${name}`, import.meta.url)));

describe('pdfToReports', () => {
  it('reads a two-column text PDF report: header, both tables, the second page, the conclusion', async () => {
    const outcome = await pdfToReports(fixture('two-column-report.pdf'));
    expect(outcome.problems).toEqual([]);
    const [report] = outcome.reports;
    expect(report).toMatchObject({
      externalId: 'TJ20260301001',
      performedAt: '2026-03-01',
      center: '某某医院健康管理中心',
      packageName: '入职体检套餐A',
      patient: { nationalId: '110105198005201231', name: '张三', sex: 'male', birthDate: '1980-05-20' },
    });
    expect(report?.conclusion).toBe(
      '1. 空腹血糖偏高，建议内分泌科复查。\n2. 总胆固醇、低密度脂蛋白胆固醇偏高，低脂饮食。',
    );
    expect(report?.items.map((i) => i.localName)).toEqual([
      '空腹血糖',
      '糖化血红蛋白',
      '总胆固醇',
      '甘油三酯',
      '低密度脂蛋白胆固醇',
      '高密度脂蛋白胆固醇',
      '谷丙转氨酶',
      '谷草转氨酶',
      '肌酐',
      '尿酸',
      '血红蛋白',
      '尿蛋白',
      '身高',
      '体重',
      '体重指数',
      '收缩压',
      '舒张压',
      '心率',
    ]);
    const byName = new Map(report?.items.map((i) => [i.localName, i]));
    expect(byName.get('空腹血糖')).toMatchObject({
      valueNum: 7.2,
      unit: 'mmol/L',
      refLow: 3.9,
      refHigh: 6.1,
      flag: 'H',
      code: { code: '14771-0' },
    });
    expect(byName.get('尿酸')).toMatchObject({
      valueNum: 460,
      unit: 'μmol/L',
      refLow: 208,
      refHigh: 428,
      flag: 'H',
    });
    expect(byName.get('尿蛋白')).toMatchObject({ valueText: '阴性', refText: '阴性' });
    expect(byName.get('低密度脂蛋白胆固醇')).toMatchObject({ valueNum: 3.9, refHigh: 3.4, flag: 'H' });
    expect(byName.get('体重指数')).toMatchObject({
      valueNum: 23.7,
      unit: 'kg/m²',
      code: { code: '39156-5' },
    });
  });

  it('refuses a PDF that is not a report', async () => {
    const outcome = await pdfToReports(fixture('not-a-report.pdf'));
    expect(outcome.reports).toEqual([]);
    expect(outcome.fatal).toMatchObject({ code: 'not_a_report' });
    expect(outcome.fatal?.messageZh).toContain('体检报告');
  });

  it('refuses a damaged PDF without throwing', async () => {
    const report = fixture('two-column-report.pdf');
    for (const bad of [
      new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog'),
      report.subarray(0, 600),
    ]) {
      const outcome = await pdfToReports(bad);
      expect(outcome.reports).toEqual([]);
      expect(['unreadable_pdf', 'not_a_report']).toContain(outcome.fatal?.code);
    }
  });
});
