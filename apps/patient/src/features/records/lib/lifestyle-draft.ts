import type { LifestyleAssessment, LifestyleInput } from '@careloop/contracts';
import { parseNumber } from './reading-form-model.ts';

export interface LifestyleDraft {
  smoking: NonNullable<LifestyleAssessment['smoking']> | '';
  cigarettesPerDay: string;
  alcohol: NonNullable<LifestyleAssessment['alcohol']> | '';
  activityMinutesPerWeek: string;
  sleepHours: string;
  diet: string;
  note: string;
}

export type LifestyleField = keyof LifestyleDraft;
export type LifestyleProblems = Partial<Record<LifestyleField | 'form', 'invalid' | 'empty'>>;

/** A new assessment starts from the current one, so a person changes only what changed. */
export function lifestyleDraft(latest: LifestyleAssessment | null): LifestyleDraft {
  const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return {
    smoking: latest?.smoking ?? '',
    cigarettesPerDay: num(latest?.cigarettesPerDay),
    alcohol: latest?.alcohol ?? '',
    activityMinutesPerWeek: num(latest?.activityMinutesPerWeek),
    sleepHours: num(latest?.sleepHours),
    diet: latest?.diet ?? '',
    note: '',
  };
}

const LIMITS = {
  cigarettesPerDay: { max: 200, integer: true },
  activityMinutesPerWeek: { max: 10080, integer: true },
  sleepHours: { max: 24, integer: false },
} as const;

/** The body of POST /lifestyle, or the problems that keep it from being sent. */
export function lifestyleInput(d: LifestyleDraft): {
  input: LifestyleInput | null;
  problems: LifestyleProblems;
} {
  const problems: LifestyleProblems = {};
  const numbers: Partial<Record<keyof typeof LIMITS, number>> = {};
  for (const [field, limit] of Object.entries(LIMITS) as [
    keyof typeof LIMITS,
    (typeof LIMITS)[keyof typeof LIMITS],
  ][]) {
    const text = d[field].trim();
    if (text === '') continue;
    const value = parseNumber(text);
    if (value === null || value < 0 || value > limit.max || (limit.integer && !Number.isInteger(value))) {
      problems[field] = 'invalid';
    } else numbers[field] = value;
  }
  const input: LifestyleInput = {
    ...(d.smoking ? { smoking: d.smoking } : {}),
    // Cigarettes a day only mean something for someone who smokes.
    ...(d.smoking === 'current' && numbers.cigarettesPerDay !== undefined
      ? { cigarettesPerDay: numbers.cigarettesPerDay }
      : {}),
    ...(d.alcohol ? { alcohol: d.alcohol } : {}),
    ...(numbers.activityMinutesPerWeek !== undefined
      ? { activityMinutesPerWeek: numbers.activityMinutesPerWeek }
      : {}),
    ...(numbers.sleepHours !== undefined ? { sleepHours: numbers.sleepHours } : {}),
    ...(d.diet.trim() ? { diet: d.diet.trim() } : {}),
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
  };
  if (Object.keys(input).length === 0 && Object.keys(problems).length === 0) problems.form = 'empty';
  return { input: Object.keys(problems).length === 0 ? input : null, problems };
}
