import { describe, expect, it } from 'vitest';
import { conditionFrom, conditionProblem, formatBounds, formatCondition } from './rule-condition';

const words = {
  flagName: (flag: string) => ({ HH: '↑↑ 危急偏高', LL: '↓↓ 危急偏低' })[flag] ?? flag,
  flagsClause: (flags: string) => `标记为 ${flags}`,
  separator: '、',
};

describe('follow-up rule conditions', () => {
  it('writes a range as [min, max) in the usual notation', () => {
    expect(formatBounds({ min: 6.1, max: 7 }, '空腹血糖', 'mmol/L')).toBe('6.1 ≤ 空腹血糖 < 7 mmol/L');
    expect(formatBounds({ min: 7 }, '空腹血糖', 'mmol/L')).toBe('空腹血糖 ≥ 7 mmol/L');
    expect(formatBounds({ max: 3.5 }, '血钾', 'mmol/L')).toBe('血钾 < 3.5 mmol/L');
    expect(formatBounds({ min: 140 }, 'Systolic BP', null)).toBe('Systolic BP ≥ 140');
    expect(formatBounds({}, 'x', null)).toBeNull();
  });

  it('adds the flags, and shows flag-only rules by their flags', () => {
    expect(formatCondition({ flags: ['HH', 'LL'] }, '任何项目', null, words)).toBe(
      '标记为 ↑↑ 危急偏高、↓↓ 危急偏低',
    );
    expect(formatCondition({ min: 7, flags: ['HH'] }, '空腹血糖', 'mmol/L', words)).toBe(
      '空腹血糖 ≥ 7 mmol/L · 标记为 ↑↑ 危急偏高',
    );
  });

  it('reads form values, where an empty number field is null, into the contract shape', () => {
    expect(conditionFrom({ min: 6.1, max: null, flags: [] })).toEqual({ min: 6.1 });
    expect(conditionFrom({ min: 0, max: 1 })).toEqual({ min: 0, max: 1 });
    expect(conditionFrom({ flags: ['H'] })).toEqual({ flags: ['H'] });
  });

  it('refuses what the contract refuses: nothing at all, or min not below max', () => {
    expect(conditionProblem({})).toBe('condition_empty');
    expect(conditionProblem({ min: 7, max: 7 })).toBe('min_not_below_max');
    expect(conditionProblem({ min: 0 })).toBeNull();
    expect(conditionProblem({ flags: ['A'] })).toBeNull();
  });
});
