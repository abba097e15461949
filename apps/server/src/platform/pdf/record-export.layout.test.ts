import { describe, expect, it } from 'vitest';
import { renderRecordExportPdf } from './record-export.layout.ts';
import { sampleRecordExportView } from './record-export.sample.ts';
import { extractPdfText, squash } from './pdf-text.testing.ts';
import type { PdfLanguage } from './types.ts';

const EXPECTED: Record<PdfLanguage, Record<string, string>> = {
  'zh-CN': {
    title: '个人健康档案',
    sections: '疾病诊断 过敏史 用药 手术与操作 家族史 生活方式 就诊记录 检查检验结果 文档 体检记录',
    patient: '王建国',
    condition: '2型糖尿病',
    allergy: '青霉素',
    selfReported: '本人填写',
    clinician: '医生记录 · 李医生 · 北京协和医院',
    device: '设备 · 家用血压计',
    disclaimer: '不能替代医生的诊断和建议',
    none: '暂无记录',
    otherTitle: 'Personal health record',
  },
  'en-US': {
    title: 'Personal health record',
    sections:
      'Conditions Allergies Medications Procedures Family history Lifestyle Encounters Observations Documents Checkups',
    patient: 'Wang Jianguo',
    condition: 'Type 2 diabetes mellitus',
    allergy: 'Penicillin',
    selfReported: 'Self-reported',
    clinician: 'Clinician · Dr Li · Peking Union Medical College Hospital',
    device: 'Device · Home BP monitor',
    disclaimer: "does not replace a doctor's advice",
    none: 'None recorded',
    otherTitle: '个人健康档案',
  },
};

describe.each(['zh-CN', 'en-US'] as const)('record export PDF in %s', (language) => {
  const expected = EXPECTED[language];

  it('prints every section in order, each entry with its source and recorder', async () => {
    const bytes = await renderRecordExportPdf(sampleRecordExportView(language));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(500_000);

    const { pages } = await extractPdfText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(5);
    const text = squash(pages.join('\n'));
    for (const key of [
      'title',
      'patient',
      'condition',
      'allergy',
      'selfReported',
      'clinician',
      'device',
      'disclaimer',
    ]) {
      expect(text, key).toContain(squash(expected[key]!));
    }
    expect(text).toContain('E11.9');
    expect(text).toContain('110***********1234');
    expect(text).not.toContain(squash(expected.otherTitle!));

    const positions = expected.sections!.split(' ').map((title) => text.indexOf(title));
    for (const position of positions) expect(position).toBeGreaterThan(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('lists observations newest first, in the time zone of the view', async () => {
    const view = sampleRecordExportView(language);
    const { pages } = await extractPdfText(await renderRecordExportPdf(view));
    const text = squash(pages.join('\n'));
    // Glucose values every 60 days from 2024-01-05 08:00 Asia/Shanghai; the newest is 2024-07-03.
    expect(text.indexOf('2024-07-0308:00')).toBeGreaterThan(-1);
    expect(text.indexOf('2024-07-0308:00')).toBeLessThan(text.indexOf('2024-01-0508:00'));
  });

  it('says so when a section has no entries', async () => {
    const view = { ...sampleRecordExportView(language), allergies: [], procedures: [] };
    const { pages } = await extractPdfText(await renderRecordExportPdf(view));
    expect(squash(pages.join('\n')).split(squash(expected.none!)).length - 1).toBe(2);
  });

  it('breaks 200 readings over pages with the table header repeated', async () => {
    const bytes = await renderRecordExportPdf(sampleRecordExportView(language, { observationsPerItem: 100 }));
    expect(bytes.length).toBeLessThan(1_000_000);
    const { pages } = await extractPdfText(bytes);
    expect(pages.length).toBeGreaterThan(3);
    const header = squash(language === 'zh-CN' ? '时间 结果 提示 来源' : 'Time Result Flag Source');
    // Readings are taken at 08:00 Shanghai time; the footer's generated time is 10:30.
    const observationPages = pages.filter((page) => /\d{4}-\d{2}-\d{2} 08:00/.test(page));
    expect(observationPages.length).toBeGreaterThan(3);
    for (const page of observationPages) expect(squash(page)).toContain(header);
  });
});
