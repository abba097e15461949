import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvToReports } from './csv-import.ts';
import { formatCsv, parseCsv } from './csv.ts';
import { parseDate } from './dates.ts';
import { decodeText } from './decode-text.ts';
import { fhirToReports } from './fhir.ts';
import { parseFlag } from './flag.ts';
import { hl7ToReports } from './hl7.ts';
import { normalizeItemName, suggestLoinc } from './item-names.ts';
import { layoutToReport } from './layout-report.ts';
import { ocrTextToReport } from './ocr-text.ts';
import { parseReferenceRange } from './reference-range.ts';
import { parseResultValue } from './result-value.ts';
import { tabularToReports } from './tabular.ts';
import { CHECKUP_TEMPLATE_COLUMNS } from './template-columns.ts';
import type { ParseOutcome } from './types.ts';

/** What every outcome promises: a refusal has no reports; every problem names a row and says what is wrong. */
function expectWellFormed(outcome: ParseOutcome): void {
  if (outcome.fatal) {
    expect(outcome.reports).toEqual([]);
    expect(outcome.problems[outcome.problems.length - 1]).toEqual(outcome.fatal);
  }
  for (const problem of [...outcome.problems, ...(outcome.fatal ? [outcome.fatal] : [])]) {
    expect(Number.isInteger(problem.rowNo) && problem.rowNo >= 1).toBe(true);
    expect(problem.code).toMatch(/^[a-z0-9_]+$/);
    expect(problem.message.length).toBeGreaterThan(0);
    expect(problem.messageZh.length).toBeGreaterThan(0);
  }
  for (const report of outcome.reports) {
    expect(report.items.length).toBeGreaterThan(0);
    for (const item of report.items) {
      expect(item.localName.trim()).not.toBe('');
      if (item.valueNum !== undefined) expect(Number.isFinite(item.valueNum)).toBe(true);
    }
  }
}

// Text with the characters that matter to these parsers: delimiters, quotes, line ends, digits, Chinese.
const cellText = fc.string({
  unit: fc.constantFrom(...'ab1.9-<>≤↑↓HL"\',\t\r\n |^~\\&:：空腹血糖阴性男女（）()％ '.split('')),
  maxLength: 20,
});
const anyText = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 100 }));

describe('properties: CSV', () => {
  it('parseCsv(formatCsv(rows)) gives the rows back, for both delimiters', () => {
    const rows = fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 1, maxLength: 6 }), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(rows, fc.constantFrom(',' as const, '\t' as const), (data, delimiter) => {
        expect(parseCsv(formatCsv(data, delimiter), { delimiter }).rows).toEqual(data);
      }),
    );
  });

  it('detects the delimiter when the first row has two or more cells', () => {
    const rows = fc.array(fc.array(cellText, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(rows, fc.constantFrom(',' as const, '\t' as const), (data, delimiter) => {
        expect(parseCsv(formatCsv(data, delimiter)).rows).toEqual(data);
      }),
    );
  });
});

describe('properties: no parser throws, every outcome is well formed', () => {
  it('csvToReports on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => expectWellFormed(csvToReports(bytes))),
    );
  });

  it('tabularToReports on random tables under a real header', () => {
    const header = CHECKUP_TEMPLATE_COLUMNS.map((c) => c.zh);
    const table = fc.array(fc.array(cellText, { maxLength: header.length + 2 }), { maxLength: 12 });
    fc.assert(
      fc.property(table, fc.boolean(), (rows, withHeader) => {
        expectWellFormed(tabularToReports(withHeader ? [header, ...rows] : rows, 'csv'));
      }),
    );
  });

  it('hl7ToReports on random text and on random segments after a valid MSH', () => {
    const msh = 'MSH|^~\\&|A|B|C|D|20260301||ORU^R01|1|P|2.5';
    const segment = fc.tuple(fc.constantFrom('PID', 'OBR', 'OBX', 'NTE', 'XYZ', 'obx', 'MSH'), cellText);
    fc.assert(fc.property(anyText, (text) => expectWellFormed(hl7ToReports(text))));
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 10 }),
        fc.constantFrom('\r', '\n', '\r\n'),
        (segments, eol) => {
          expectWellFormed(hl7ToReports([msh, ...segments.map(([n, rest]) => `${n}|${rest}`)].join(eol)));
        },
      ),
    );
  });

  it('fhirToReports on random text and random JSON', () => {
    fc.assert(fc.property(anyText, (text) => expectWellFormed(fhirToReports(text))));
    fc.assert(fc.property(fc.jsonValue(), (json) => expectWellFormed(fhirToReports(json))));
    const observation = fc.record({
      resourceType: fc.constantFrom('Observation', 'DiagnosticReport', 'Patient', 'Nonsense'),
      id: fc.string({ maxLength: 8 }),
      status: fc.constantFrom('final', 'cancelled', 'bogus'),
      code: fc.jsonValue(),
      valueQuantity: fc.jsonValue(),
      subject: fc.jsonValue(),
      result: fc.jsonValue(),
    });
    const bundle = fc.array(observation, { maxLength: 6 }).map((resources) => ({
      resourceType: 'Bundle',
      type: 'collection',
      entry: resources.map((resource) => ({ resource })),
    }));
    fc.assert(fc.property(bundle, (json) => expectWellFormed(fhirToReports(json))));
  });

  it('layoutToReport on random text items', () => {
    const item = fc.record({
      str: fc.oneof(cellText, fc.constantFrom('项目', '结果', '单位', '参考范围', '提示', '姓名：张三')),
      x: fc.double({ min: -100, max: 800, noNaN: true }),
      y: fc.double({ min: -100, max: 1200, noNaN: true }),
      width: fc.double({ min: 0, max: 300, noNaN: true }),
      page: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => expectWellFormed(layoutToReport(items))),
    );
  });

  it('ocrTextToReport on random text', () => {
    const lines = fc.array(cellText, { maxLength: 15 }).map((l) => l.join('\n'));
    fc.assert(fc.property(fc.oneof(anyText, lines), (text) => expectWellFormed(ocrTextToReport(text))));
  });

  it('normalizes item names to a fixed point (found by fast-check: "!* :")', () => {
    for (const name of ['!* :', '体重 * :', '★ 空腹血糖 ★ #']) {
      expect(normalizeItemName(normalizeItemName(name))).toBe(normalizeItemName(name));
    }
  });

  it('the cell parsers on random text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, cellText), (text) => {
        const range = parseReferenceRange(text, 'male');
        if (range.refLow !== undefined && range.refHigh !== undefined) {
          expect(range.refLow).toBeLessThanOrEqual(range.refHigh);
        }
        const result = parseResultValue(text);
        if (result.valueNum !== undefined) expect(Number.isFinite(result.valueNum)).toBe(true);
        parseFlag(text);
        parseDate(text);
        suggestLoinc(text);
        expect(normalizeItemName(normalizeItemName(text))).toBe(normalizeItemName(text));
      }),
    );
  });

  it('decodeText on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(typeof decodeText(bytes).text).toBe('string');
      }),
    );
  });
});

describe('hostile sizes stay fast', () => {
  it.each([
    ['digits', '1'.repeat(200_000)],
    ['dashes between digits', '1-'.repeat(100_000)],
    ['an open quote', `"${'a,'.repeat(100_000)}`],
    ['spaces between Chinese', '空 '.repeat(100_000)],
    ['colons', '姓名：'.repeat(30_000)],
  ])('%s', (_name, text) => {
    const started = Date.now();
    for (const parse of [csvToReports, hl7ToReports, fhirToReports, ocrTextToReport])
      expectWellFormed(parse(text));
    parseReferenceRange(text);
    parseResultValue(text);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
