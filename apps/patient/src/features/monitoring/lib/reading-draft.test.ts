import { describe, expect, it } from 'vitest';
import { checkDraft, emptyDraft, fieldOfRejection, type ReadingDraft } from './reading-draft.ts';

const at = new Date('2025-03-01T07:42:00Z');

function draft(changes: Partial<ReadingDraft>): ReadingDraft {
  return { ...emptyDraft(changes.type ?? 'blood-pressure'), ...changes };
}

describe('checkDraft', () => {
  it('turns a blood pressure with pulse into one reading with the given id and time', () => {
    const { input, errors } = checkDraft(draft({ systolic: '128', diastolic: '82', pulse: '70' }), 'r-1', at);
    expect(errors).toEqual({});
    expect(input).toEqual({
      id: 'r-1',
      type: 'blood-pressure',
      takenAt: '2025-03-01T07:42:00.000Z',
      systolic: 128,
      diastolic: 82,
      pulse: 70,
      unit: 'mm[Hg]',
    });
  });

  it('leaves the pulse out when it is empty', () => {
    const { input } = checkDraft(draft({ systolic: '128', diastolic: '82' }), 'r-1', at);
    expect(input).not.toHaveProperty('pulse');
  });

  it('asks for both blood pressure values', () => {
    const { input, errors } = checkDraft(draft({ systolic: '128' }), 'r-1', at);
    expect(input).toBeNull();
    expect(errors.diastolic).toEqual({ code: 'required' });
  });

  it('refuses a diastolic value that is not below the systolic one', () => {
    expect(checkDraft(draft({ systolic: '80', diastolic: '120' }), 'r', at).errors.diastolic).toEqual({
      code: 'systolic_not_above_diastolic',
    });
  });

  it.each([
    [
      'systolic',
      { systolic: '400', diastolic: '80' },
      { code: 'out_of_range', min: 40, max: 300, unit: 'mm[Hg]' },
    ],
    ['systolic', { systolic: 'abc', diastolic: '80' }, { code: 'not_a_number' }],
    [
      'pulse',
      { systolic: '120', diastolic: '80', pulse: '5' },
      { code: 'out_of_range', min: 20, max: 300, unit: '/min' },
    ],
  ] as const)('flags %s for %j', (field, changes, problem) => {
    expect(checkDraft(draft(changes), 'r', at).errors[field]).toEqual(problem);
  });

  it('reads full-width digits and a decimal comma from a Chinese keyboard', () => {
    const { input } = checkDraft(draft({ type: 'glucose', value: '６,２', context: 'fasting' }), 'r', at);
    expect(input).toMatchObject({ value: 6.2, unit: 'mmol/L', context: 'fasting' });
  });

  it('needs a context for glucose', () => {
    expect(checkDraft(draft({ type: 'glucose', value: '6.2' }), 'r', at).errors.context).toEqual({
      code: 'required',
    });
  });

  it('checks glucose in mg/dL against limits in mg/dL and sends the unit typed', () => {
    const mg = { type: 'glucose', glucoseUnit: 'mg/dL', context: 'after-meal' } as const;
    expect(checkDraft(draft({ ...mg, value: '6.2' }), 'r', at).errors.value).toMatchObject({
      code: 'out_of_range',
    });
    expect(checkDraft(draft({ ...mg, value: '112' }), 'r', at).input).toMatchObject({
      value: 112,
      unit: 'mg/dL',
    });
  });

  it.each([
    ['weight', '70.5', 'kg'],
    ['spo2', '97', '%'],
    ['temperature', '36.8', 'Cel'],
    ['heart-rate', '72', '/min'],
  ] as const)('sends %s in its unit', (type, value, unit) => {
    expect(checkDraft(draft({ type, value }), 'r', at).input).toMatchObject({
      type,
      value: Number(value),
      unit,
    });
  });

  it('accepts temperature in °F within the °F limits', () => {
    const f = { type: 'temperature', temperatureUnit: '[degF]' } as const;
    expect(checkDraft(draft({ ...f, value: '98.6' }), 'r', at).input).toMatchObject({ unit: '[degF]' });
    expect(checkDraft(draft({ ...f, value: '36.8' }), 'r', at).errors.value).toMatchObject({
      code: 'out_of_range',
    });
  });

  it('keeps a trimmed note and refuses one that is too long', () => {
    const ok = checkDraft(draft({ type: 'weight', value: '70', note: '  after breakfast ' }), 'r', at);
    expect(ok.input).toMatchObject({ note: 'after breakfast' });
    const long = checkDraft(draft({ type: 'weight', value: '70', note: 'x'.repeat(501) }), 'r', at);
    expect(long.errors.note).toEqual({ code: 'too_long', max: 500 });
  });
});

describe('fieldOfRejection', () => {
  it('puts a rejection on the field it names', () => {
    expect(fieldOfRejection('diastolic', 'blood-pressure')).toBe('diastolic');
    expect(fieldOfRejection('value', 'glucose')).toBe('value');
    expect(fieldOfRejection('unit', 'weight')).toBe('value');
    expect(fieldOfRejection('takenAt', 'weight')).toBeNull();
    expect(fieldOfRejection(null, 'weight')).toBeNull();
  });
});
