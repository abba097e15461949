import { describe, expect, it } from 'vitest';
import { lifestyleDraft, lifestyleInput } from './lifestyle-draft.ts';

describe('lifestyleInput', () => {
  it('sends only what is filled in, numbers as numbers', () => {
    const draft = {
      ...lifestyleDraft(null),
      smoking: 'current' as const,
      cigarettesPerDay: '10',
      sleepHours: '7.5',
    };
    expect(lifestyleInput(draft)).toEqual({
      input: { smoking: 'current', cigarettesPerDay: 10, sleepHours: 7.5 },
      problems: {},
    });
  });

  it('drops cigarettes a day for someone who does not smoke', () => {
    const draft = { ...lifestyleDraft(null), smoking: 'never' as const, cigarettesPerDay: '10' };
    expect(lifestyleInput(draft).input).toEqual({ smoking: 'never' });
  });

  it('refuses numbers out of range or not whole where they must be', () => {
    const draft = { ...lifestyleDraft(null), sleepHours: '25', activityMinutesPerWeek: '30.5' };
    expect(lifestyleInput(draft)).toEqual({
      input: null,
      problems: { sleepHours: 'invalid', activityMinutesPerWeek: 'invalid' },
    });
  });

  it('asks for at least one thing', () => {
    expect(lifestyleInput(lifestyleDraft(null)).problems).toEqual({ form: 'empty' });
  });
});
