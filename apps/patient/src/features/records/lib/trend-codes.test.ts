import type { ObservationCodeSummary } from '@careloop/contracts';
import { describe, expect, it } from 'vitest';
import { choiceFor, trendChoices } from './trend-codes.ts';

const code = (
  c: string,
  name: string,
  value: number | null,
  flag: ObservationCodeSummary['latest']['flag'],
  at: string,
  unit: string | null = 'mmol/L',
): ObservationCodeSummary => ({
  code: c,
  codeSystem: 'loinc',
  name,
  unit,
  count: 3,
  numeric: value !== null,
  latest: { value, valueText: value === null ? '阴性' : null, flag, at },
});

const format = (value: number | null, text: string | null, unit: string | null) =>
  value === null ? (text ?? '') : `${value}${unit ? ` ${unit}` : ''}`;

const CODES = [
  code('29463-7', '体重', 70, 'N', '2025-09-01T00:00:00Z', 'kg'),
  code('8462-4', '舒张压', 95, 'H', '2025-09-10T00:00:00Z', 'mm[Hg]'),
  code('14771-0', '空腹血糖', 6.5, 'H', '2025-06-01T00:00:00Z'),
  code('8480-6', '收缩压', 138, 'N', '2025-09-10T00:00:00Z', 'mm[Hg]'),
  code('5804-0', '尿蛋白', null, 'N', '2025-06-01T00:00:00Z', null),
];

describe('trendChoices', () => {
  const choices = trendChoices(CODES, '血压', format);

  it('joins systolic and diastolic into one blood pressure entry, first, with the worse flag', () => {
    expect(choices[0]).toMatchObject({
      id: '8480-6',
      codes: ['8480-6', '8462-4'],
      name: '血压',
      latestValue: '138/95 mm[Hg]',
      latestFlag: 'H',
      isBloodPressure: true,
    });
    expect(choices.filter((c) => c.codes.includes('8462-4'))).toHaveLength(1);
  });

  it('lists abnormal latest values before normal ones, newest first', () => {
    expect(choices.slice(1).map((c) => c.id)).toEqual(['14771-0', '29463-7', '5804-0']);
  });

  it('opens the pair from either half and defaults to the first numeric item', () => {
    expect(choiceFor(choices, '8462-4')?.name).toBe('血压');
    expect(choiceFor(choices, null)?.name).toBe('血压');
    expect(choiceFor(choices, 'nope')).toBeUndefined();
  });
});
