import { describe, expect, it } from 'vitest';
import { renderCheckupSummaryPdf } from './checkup-summary.layout.ts';
import { sampleCheckupSummaryView } from './checkup-summary.sample.ts';
import { printable } from './fonts.ts';
import { extractPdfText, squash } from './pdf-text.testing.ts';
import type { PdfLanguage } from './types.ts';

const EXPECTED: Record<PdfLanguage, Record<string, string>> = {
  'zh-CN': {
    title: '体检报告解读',
    abnormal: '异常项目',
    explanations: '异常项目解读',
    trends: '指标趋势',
    allItems: '全部检查项目（按类别）',
    patient: '王建国',
    item: '空腹血糖',
    explanation: '您的结果高于 7.0 mmol/L，提示可能存在糖尿病',
    critical: '↑↑ 危急偏高',
    change: '上次 6.6（2024-05-20）',
    disclaimer: '不能替代医生的诊断和建议',
    page: '第 1 / ',
    otherTitle: 'Checkup report summary',
  },
  'en-US': {
    title: 'Checkup report summary',
    abnormal: 'Abnormal results',
    explanations: 'What your abnormal results mean',
    trends: 'Trends',
    allItems: 'All results by category',
    patient: 'Wang Jianguo',
    item: 'Fasting glucose',
    explanation: 'Your result is above 7.0 mmol/L, which may indicate diabetes',
    critical: '↑↑ Critically high',
    change: 'previous 6.6 (2024-05-20)',
    disclaimer: "does not replace a doctor's advice",
    page: 'Page 1 of ',
    otherTitle: '体检报告解读',
  },
};

describe.each(['zh-CN', 'en-US'] as const)('checkup summary PDF in %s', (language) => {
  const expected = EXPECTED[language];

  it('prints the report with its labels, the patient, the abnormal items and their explanations', async () => {
    const started = performance.now();
    const bytes = await renderCheckupSummaryPdf(sampleCheckupSummaryView(language));
    const elapsed = performance.now() - started;

    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Fonts are embedded as subsets: a full Noto Sans SC would be over 10 MB.
    expect(bytes.length).toBeLessThan(500_000);
    expect(elapsed).toBeLessThan(10_000);

    const { pages } = await extractPdfText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(5);
    const text = squash(pages.join('\n'));
    for (const key of [
      'title',
      'patient',
      'item',
      'explanation',
      'critical',
      'change',
      'disclaimer',
    ] as const) {
      expect(text, key).toContain(squash(expected[key]!));
    }
    expect(text).toContain('110***********1234');
    expect(text).toContain(squash(expected.page!));
    expect(text).not.toContain(squash(expected.otherTitle!));
    // Generated time in the org's zone (Asia/Shanghai): 02:30 UTC prints as 10:30.
    expect(text).toContain('2025-03-1810:30');
  });

  it('lists the abnormal items and their explanations before the trends and the full item list', async () => {
    const { pages } = await extractPdfText(await renderCheckupSummaryPdf(sampleCheckupSummaryView(language)));
    const text = squash(pages.join('\n'));
    const at = (key: string) => text.indexOf(squash(expected[key]!));
    expect(at('abnormal')).toBeGreaterThan(-1);
    expect(at('abnormal')).toBeLessThan(at('explanations'));
    expect(at('explanations')).toBeLessThan(at('trends'));
    expect(at('trends')).toBeLessThan(at('allItems'));
    // The critical potassium is the first abnormal row.
    const abnormal = text.slice(at('abnormal'), at('explanations'));
    expect(abnormal.indexOf(language === 'zh-CN' ? '血钾' : 'Potassium')).toBeLessThan(
      abnormal.indexOf(squash(expected.item!)),
    );
  });

  it('draws each trend from its data: dates on the axis and the latest value', async () => {
    const { pages } = await extractPdfText(await renderCheckupSummaryPdf(sampleCheckupSummaryView(language)));
    const text = squash(pages.join('\n'));
    const trends = text.slice(text.indexOf(squash(expected.trends!)));
    expect(trends).toContain('2021-04-02');
    expect(trends).toContain('2025-03-14');
    expect(trends).toContain('7.4');
  });

  it('keeps every explanation and chart wherever the page breaks fall', async () => {
    // Every 13th extra item is abnormal, so each step adds one row to the abnormal table and moves what follows.
    for (let extraItems = 0; extraItems <= 130; extraItems += 13) {
      const view = sampleCheckupSummaryView(language, { extraItems });
      const text = squash((await extractPdfText(await renderCheckupSummaryPdf(view))).pages.join('\n'));
      for (const item of view.items.filter((i) => i.explanation)) {
        expect(text, `${extraItems}: ${item.name}`).toContain(squash(item.explanation!.nextSteps));
      }
      for (const series of view.trends) {
        expect(text, `${extraItems}: ${series.name}`).toContain(squash(`${series.name} (${series.unit})`));
      }
      expect(text).toContain(squash(view.recommendations.at(-1)!));
    }
  });

  it('breaks a 200-item report over pages with the table header on each page', async () => {
    const view = sampleCheckupSummaryView(language, { extraItems: 200 });
    const bytes = await renderCheckupSummaryPdf(view);
    const { pages } = await extractPdfText(bytes);
    expect(pages.length).toBeGreaterThan(3);
    expect(bytes.length).toBeLessThan(1_000_000);

    const firstTablePage = pages.findIndex((p) => squash(p).includes(squash(expected.allItems!)));
    expect(firstTablePage).toBeGreaterThan(-1);
    const header = language === 'zh-CN' ? '参考范围' : 'Referencerange';
    for (const page of pages.slice(firstTablePage)) expect(squash(page)).toContain(header);

    // Every normal row printed exactly once (abnormal ones are listed twice): none lost or repeated at a break.
    const all = pages.join('\n');
    const prefix = language === 'zh-CN' ? '检验项目' : 'Test item';
    for (const n of [2, 99, 200]) {
      expect(all.match(new RegExp(`${prefix} ${n}\\b`, 'g'))?.length, `item ${n}`).toBe(1);
    }
    expect(pages.at(-1)).toContain(
      language === 'zh-CN'
        ? `第 ${pages.length} / ${pages.length} 页`
        : `Page ${pages.length} of ${pages.length}`,
    );
  });
});

describe('printable', () => {
  it.each([
    ['10⁹/L', '10^9/L'],
    ['10¹²/L', '10¹²/L'],
    ['kg/m²', 'kg/m²'],
    ['CO₂', 'CO2'],
    ['10⁻³', '10^-3'],
    ['空腹血糖', '空腹血糖'],
  ])('prints %s as %s', (input, output) => {
    expect(printable(input)).toBe(output);
  });
});
