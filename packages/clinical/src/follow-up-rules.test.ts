import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_RULES, followUpRuleMatches, type ResultForRules } from './follow-up-rules.ts';

const rule = (key: string) => {
  const found = DEFAULT_FOLLOW_UP_RULES.find((r) => r.key === key);
  if (!found) throw new Error(`no default rule ${key}`);
  return found;
};
const result = (over: Partial<ResultForRules>): ResultForRules => ({
  code: '14771-0',
  codeSystem: 'loinc',
  valueNum: 5.0,
  unit: 'mmol/L',
  flag: 'N',
  ...over,
});

describe('default follow-up rules', () => {
  // Chinese Diabetes Society guideline (2020): impaired fasting glucose 6.1-6.9 mmol/L; diabetes >= 7.0 mmol/L.
  it.each([
    [6.0, false, false],
    [6.1, true, false],
    [6.9, true, false],
    [7.0, false, true],
    [11.2, false, true],
  ])('fasting glucose %s mmol/L: IFG retest %s, endocrinology referral %s', (value, ifg, diabetic) => {
    const r = result({ valueNum: value });
    expect(followUpRuleMatches(rule('impaired-fasting-glucose'), r)).toBe(ifg);
    expect(followUpRuleMatches(rule('diabetic-fasting-glucose'), r)).toBe(diabetic);
  });

  it('converts mg/dL before comparing (126 mg/dL = 6.99 mmol/L; 1558-6 is fasting glucose by mass)', () => {
    // clinical.md: glucose mg/dL = mmol/L x 18.016, so 126 mg/dL is 6.99 mmol/L (IFG) and 127 mg/dL is 7.05.
    expect(
      followUpRuleMatches(
        rule('impaired-fasting-glucose'),
        result({ code: '1558-6', valueNum: 126, unit: 'mg/dL' }),
      ),
    ).toBe(true);
    expect(
      followUpRuleMatches(
        rule('diabetic-fasting-glucose'),
        result({ code: '1558-6', valueNum: 127, unit: 'mg/dL' }),
      ),
    ).toBe(true);
  });

  it('does not fire on random glucose, on another analyte or on an unconvertible unit', () => {
    expect(
      followUpRuleMatches(rule('diabetic-fasting-glucose'), result({ code: '2345-7', valueNum: 8 })),
    ).toBe(false);
    expect(
      followUpRuleMatches(rule('diabetic-fasting-glucose'), result({ code: '2823-3', valueNum: 8 })),
    ).toBe(false);
    expect(followUpRuleMatches(rule('diabetic-fasting-glucose'), result({ valueNum: 8, unit: 'g/L' }))).toBe(
      false,
    );
    expect(followUpRuleMatches(rule('diabetic-fasting-glucose'), result({ valueNum: null }))).toBe(false);
  });

  it('fires the critical-value alert on HH and LL of any item, and only then', () => {
    expect(
      followUpRuleMatches(rule('critical-value'), result({ code: '2823-3', valueNum: 6.8, flag: 'HH' })),
    ).toBe(true);
    expect(
      followUpRuleMatches(
        rule('critical-value'),
        result({ code: 'local:xyz', codeSystem: 'local', flag: 'LL' }),
      ),
    ).toBe(true);
    expect(followUpRuleMatches(rule('critical-value'), result({ flag: 'H' }))).toBe(false);
    expect(followUpRuleMatches(rule('critical-value'), result({ flag: null }))).toBe(false);
  });

  // Chinese lipid guideline (2023): LDL-C borderline 3.4-4.0, high >= 4.1 mmol/L; both LDL LOINC codes count.
  it('splits LDL-C into borderline and high, for the calculated and the direct assay', () => {
    expect(followUpRuleMatches(rule('ldl-borderline'), result({ code: '18262-6', valueNum: 3.4 }))).toBe(
      true,
    );
    expect(followUpRuleMatches(rule('ldl-borderline'), result({ code: '13457-7', valueNum: 4.1 }))).toBe(
      false,
    );
    expect(followUpRuleMatches(rule('ldl-high'), result({ code: '13457-7', valueNum: 4.1 }))).toBe(true);
  });

  // Chinese hypertension guideline (2018): hypertension >= 140/90 mmHg; 'mmHg' and UCUM 'mm[Hg]' are one unit.
  it('reads blood pressure in mmHg and mm[Hg]', () => {
    expect(
      followUpRuleMatches(rule('bp-hypertensive'), result({ code: '8480-6', valueNum: 140, unit: 'mmHg' })),
    ).toBe(true);
    expect(
      followUpRuleMatches(rule('bp-hypertensive'), result({ code: '8480-6', valueNum: 139, unit: 'mm[Hg]' })),
    ).toBe(false);
    expect(
      followUpRuleMatches(
        rule('bp-diastolic-hypertensive'),
        result({ code: '8462-4', valueNum: 90, unit: 'mmHg' }),
      ),
    ).toBe(true);
  });

  // Chinese hyperuricemia guideline (2019): > 420 umol/L; 7.1 mg/dL = 422 umol/L.
  it('converts uric acid from mg/dL', () => {
    expect(
      followUpRuleMatches(rule('uric-acid-high'), result({ code: '3084-1', valueNum: 7.1, unit: 'mg/dL' })),
    ).toBe(true);
    expect(
      followUpRuleMatches(rule('uric-acid-high'), result({ code: '3084-1', valueNum: 400, unit: 'µmol/L' })),
    ).toBe(false);
  });

  it('has unique keys, bilingual texts and a source for every default', () => {
    expect(new Set(DEFAULT_FOLLOW_UP_RULES.map((r) => r.key)).size).toBe(DEFAULT_FOLLOW_UP_RULES.length);
    for (const r of DEFAULT_FOLLOW_UP_RULES) {
      expect(r.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.advice.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.name.en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(r.advice.en).not.toMatch(/[\u4e00-\u9fff]/);
      expect(r.source.length).toBeGreaterThan(10);
    }
  });
});
