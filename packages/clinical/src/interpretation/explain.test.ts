import { describe, expect, it } from 'vitest';
import { ANALYTES, type AnalyteKey } from '../analytes.ts';
import type { Flag } from '../flags.ts';
import { explainResult, interpretationFor, interpretationForLoinc } from './explain.ts';
import type { LocalizedText } from './interpretation.types.ts';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
const KEYS: readonly AnalyteKey[] = [...new Set(ANALYTES.map((a) => a.key))];

function texts(key: AnalyteKey): [string, LocalizedText][] {
  const it = interpretationFor(key);
  return [
    ['measures', it.measures],
    ['high', it.high],
    ['low', it.low],
    ['nextSteps.high', it.nextSteps.high],
    ['nextSteps.low', it.nextSteps.low],
  ];
}

describe('interpretation content', () => {
  it.each(KEYS)('%s has Chinese text in Chinese and English text without Chinese', (key) => {
    for (const [field, text] of texts(key)) {
      expect(text['zh-CN'].trim(), `${key} ${field} zh-CN`).not.toBe('');
      expect(text['en-US'].trim(), `${key} ${field} en-US`).not.toBe('');
      expect(CJK.test(text['zh-CN']), `${key} ${field} zh-CN`).toBe(true);
      expect(CJK.test(text['en-US']), `${key} ${field} en-US`).toBe(false);
    }
  });

  it.each(KEYS)('%s cites its sources and its review', (key) => {
    const it = interpretationFor(key);
    expect(it.analyte).toBe(key);
    expect(it.sources.length).toBeGreaterThan(0);
    for (const s of it.sources) expect(s.trim()).not.toBe('');
    expect(it.review.checkedAgainst.length).toBeGreaterThan(0);
    expect(it.review.on).toBe('2026-11-23');
  });

  it('makes no diagnosis: texts speak of what a value may mean', () => {
    for (const key of KEYS) {
      const it = interpretationFor(key);
      expect(`${it.high['en-US']} ${it.low['en-US']}`, key).not.toMatch(/\byou have\b/i);
      expect(`${it.high['zh-CN']}${it.low['zh-CN']}`, key).not.toMatch(/您患有|确诊为/);
    }
  });

  it('finds the interpretation of every LOINC code in analytes.ts', () => {
    for (const a of ANALYTES) expect(interpretationForLoinc(a.loinc)?.analyte, a.loinc).toBe(a.key);
    expect(interpretationForLoinc('0000-0')).toBeUndefined();
  });
});

describe('explainResult', () => {
  // 14771-0 fasting glucose, 718-7 hemoglobin, 2823-3 potassium (LOINC).
  it.each<[string, Flag, 'high' | 'low' | 'normal']>([
    ['14771-0', 'H', 'high'],
    ['14771-0', 'L', 'low'],
    ['718-7', 'L', 'low'],
    ['2823-3', 'H', 'high'],
  ])('%s flagged %s explains the %s branch', (loinc, flag, branch) => {
    const it = interpretationForLoinc(loinc)!;
    const text = branch === 'high' ? it.high : it.low;
    const next = branch === 'high' ? it.nextSteps.high : it.nextSteps.low;
    for (const language of ['zh-CN', 'en-US'] as const) {
      expect(explainResult({ loinc, flag }, language)).toEqual({
        measures: it.measures[language],
        meaning: text[language],
        nextSteps: next[language],
        sources: it.sources,
      });
    }
  });

  it('says a normal result is within the reference range', () => {
    const zh = explainResult({ loinc: '2093-3', flag: 'N' }, 'zh-CN')!;
    const en = explainResult({ loinc: '2093-3', flag: 'N' }, 'en-US')!;
    expect(zh.meaning).toContain('参考范围内');
    expect(en.meaning).toContain('within the reference range');
    expect(en.measures).toBe(interpretationFor('total-cholesterol').measures['en-US']);
  });

  it('leads critical results with an urgency sentence and asks for care today', () => {
    const it = interpretationFor('potassium');
    const hh = explainResult({ loinc: '2823-3', flag: 'HH' }, 'en-US')!;
    expect(hh.meaning).toMatch(/^This result is far outside the normal range/);
    expect(hh.meaning).toContain(it.high['en-US']);
    expect(hh.nextSteps).toMatch(/today/);

    const ll = explainResult({ loinc: '718-7', flag: 'LL' }, 'zh-CN')!;
    expect(ll.meaning).toMatch(/^本次结果明显偏离正常/);
    expect(ll.meaning).toContain(interpretationFor('hemoglobin').low['zh-CN']);
    expect(ll.nextSteps).toContain('今天');
    expect(ll.nextSteps).toContain('120');
  });

  it('returns undefined for a code it does not know', () => {
    expect(explainResult({ loinc: '99999-9', flag: 'H' }, 'zh-CN')).toBeUndefined();
  });

  it('keeps each language free of the other', () => {
    for (const a of ANALYTES) {
      for (const flag of ['N', 'H', 'L', 'HH', 'LL'] as const) {
        const en = explainResult({ loinc: a.loinc, flag }, 'en-US')!;
        const zh = explainResult({ loinc: a.loinc, flag }, 'zh-CN')!;
        expect(CJK.test(`${en.measures}${en.meaning}${en.nextSteps}`), `${a.loinc} ${flag}`).toBe(false);
        expect(CJK.test(zh.meaning) && CJK.test(zh.nextSteps), `${a.loinc} ${flag}`).toBe(true);
      }
    }
  });
});
