import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closeOcr } from './ocr.ts';
import { parseCheckupFile } from './index.ts';
import { isRefusal, sniffFormat } from './sniff.ts';

afterAll(closeOcr);

// Random tails behind the magic bytes each parser keys on, so that every branch sees hostile content.
const PNG_64 = [
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 64, 0, 0, 0,
  64,
];
const PREFIXES: Uint8Array[] = [
  [],
  PNG_64,
  [0xff, 0xd8, 0xff, 0xe0],
  '%PDF-1.7\n',
  'PK\u0003\u0004xl/workbook.xml',
  'MSH|^~\\&|A|B|C|D|1||ORU^R01|1|P|2.5\r',
  '{"resourceType":"Bundle","type":"collection","entry":[',
  '体检编号,身份证号,姓名,性别,出生日期,体检日期,项目名称,结果,单位,参考范围,提示\n',
].map((prefix) => (typeof prefix === 'string' ? new TextEncoder().encode(prefix) : Uint8Array.from(prefix)));

const upload = fc.tuple(
  fc.constantFrom(...PREFIXES),
  fc.uint8Array({ maxLength: 600 }),
  fc.constantFrom('a.pdf', 'a.xlsx', 'a.png', 'a.csv', 'a.hl7', 'a.json', 'upload'),
);

describe('properties: the server parsers on random uploads', () => {
  it('sniffFormat always answers with a format or a refusal', () => {
    fc.assert(
      fc.property(upload, ([prefix, tail, name]) => {
        const result = sniffFormat(new Uint8Array([...prefix, ...tail]), name);
        if (isRefusal(result)) expect(result.messageZh).not.toBe('');
        else expect(['csv', 'xlsx', 'hl7', 'fhir', 'pdf', 'image']).toContain(result);
      }),
    );
  });

  it('parseCheckupFile never throws on bad input, and a refusal has no reports', async () => {
    await fc.assert(
      fc.asyncProperty(upload, async ([prefix, tail, fileName]) => {
        const outcome = await parseCheckupFile({ bytes: new Uint8Array([...prefix, ...tail]), fileName });
        if (outcome.fatal) expect(outcome.reports).toEqual([]);
        for (const problem of outcome.problems) expect(problem.message).not.toBe('');
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
