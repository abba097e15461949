import type { GlucoseContext, ReadingInput, ReadingType } from '@careloop/contracts';
import { parseNumber } from '../../records/lib/reading-form-model.ts';

/** The readings a person types in at home, in the order the picker shows them. */
export const ENTRY_TYPES = [
  'blood-pressure',
  'glucose',
  'weight',
  'spo2',
  'temperature',
  'heart-rate',
] as const satisfies readonly ReadingType[];
export type EntryType = (typeof ENTRY_TYPES)[number];

export function isEntryType(value: string | null): value is EntryType {
  return (ENTRY_TYPES as readonly string[]).includes(value ?? '');
}

/** A meter's own contexts; `cgm` is for sensors, not for a value typed in. */
export const ENTRY_CONTEXTS = [
  'fasting',
  'before-meal',
  'after-meal',
  'bedtime',
  'random',
] as const satisfies readonly GlucoseContext[];

export const GLUCOSE_UNITS = ['mmol/L', 'mg/dL'] as const;
export type GlucoseUnit = (typeof GLUCOSE_UNITS)[number];
export const TEMPERATURE_UNITS = ['Cel', '[degF]'] as const;
export type TemperatureUnit = (typeof TEMPERATURE_UNITS)[number];

export interface ReadingDraft {
  type: EntryType;
  systolic: string;
  diastolic: string;
  /** Pulse with blood pressure (optional). */
  pulse: string;
  /** The value of every other type. */
  value: string;
  glucoseUnit: GlucoseUnit;
  temperatureUnit: TemperatureUnit;
  context: GlucoseContext | '';
  note: string;
}

export type DraftField = 'systolic' | 'diastolic' | 'pulse' | 'value' | 'context' | 'note';
export type DraftProblem =
  | { code: 'required' }
  | { code: 'not_a_number' }
  | { code: 'out_of_range'; min: number; max: number; unit: string }
  | { code: 'systolic_not_above_diastolic' }
  | { code: 'too_long'; max: number };
export type DraftErrors = Partial<Record<DraftField, DraftProblem>>;

export const NOTE_MAX = 500;

// The values a living person's reading can take, as the server checks them (apps/server/src/modules/monitoring/
// readings/reading-types.ts), in the unit typed. They flag nothing: they catch a typo or a wrong unit at the field.
const LIMITS: Record<string, [number, number]> = {
  'systolic|mm[Hg]': [40, 300],
  'diastolic|mm[Hg]': [20, 200],
  'pulse|/min': [20, 300],
  'glucose|mmol/L': [0.5, 50],
  'glucose|mg/dL': [9, 900],
  'weight|kg': [0.5, 500],
  'spo2|%': [50, 100],
  'temperature|Cel': [25, 45],
  'temperature|[degF]': [77, 113],
  'heart-rate|/min': [20, 300],
};

/** The unit each single-value type is typed in. */
export function unitOf(draft: Pick<ReadingDraft, 'type' | 'glucoseUnit' | 'temperatureUnit'>): string {
  switch (draft.type) {
    case 'blood-pressure':
      return 'mm[Hg]';
    case 'glucose':
      return draft.glucoseUnit;
    case 'weight':
      return 'kg';
    case 'spo2':
      return '%';
    case 'temperature':
      return draft.temperatureUnit;
    case 'heart-rate':
      return '/min';
  }
}

export function emptyDraft(
  type: EntryType,
  units: { glucose?: GlucoseUnit; temperature?: TemperatureUnit } = {},
): ReadingDraft {
  return {
    type,
    systolic: '',
    diastolic: '',
    pulse: '',
    value: '',
    glucoseUnit: units.glucose ?? 'mmol/L',
    temperatureUnit: units.temperature ?? 'Cel',
    context: '',
    note: '',
  };
}

function checkNumber(
  text: string,
  limitKey: string,
  unit: string,
  optional = false,
): { value?: number; problem?: DraftProblem } {
  if (text.trim() === '') return optional ? {} : { problem: { code: 'required' } };
  const value = parseNumber(text);
  if (value === null) return { problem: { code: 'not_a_number' } };
  const range = LIMITS[`${limitKey}|${unit}`];
  if (range && (value < range[0] || value > range[1])) {
    return { problem: { code: 'out_of_range', min: range[0], max: range[1], unit } };
  }
  return { value };
}

export interface CheckedDraft {
  errors: DraftErrors;
  /** The reading to send, present only when there are no errors. */
  input: ReadingInput | null;
}

/** Checks a draft as it is typed and, when it is fine, gives the reading to send with this id and time. */
export function checkDraft(draft: ReadingDraft, id: string, takenAt: Date): CheckedDraft {
  const errors: DraftErrors = {};
  const note = draft.note.trim();
  if (note.length > NOTE_MAX) errors.note = { code: 'too_long', max: NOTE_MAX };
  const common = { id, type: draft.type, takenAt: takenAt.toISOString(), ...(note ? { note } : {}) };

  if (draft.type === 'blood-pressure') {
    const systolic = checkNumber(draft.systolic, 'systolic', 'mm[Hg]');
    const diastolic = checkNumber(draft.diastolic, 'diastolic', 'mm[Hg]');
    const pulse = checkNumber(draft.pulse, 'pulse', '/min', true);
    if (systolic.problem) errors.systolic = systolic.problem;
    if (diastolic.problem) errors.diastolic = diastolic.problem;
    if (pulse.problem) errors.pulse = pulse.problem;
    if (
      systolic.value !== undefined &&
      diastolic.value !== undefined &&
      diastolic.value >= systolic.value &&
      !errors.diastolic
    ) {
      errors.diastolic = { code: 'systolic_not_above_diastolic' };
    }
    if (Object.keys(errors).length > 0 || systolic.value === undefined || diastolic.value === undefined) {
      return { errors, input: null };
    }
    return {
      errors,
      input: {
        ...common,
        systolic: systolic.value,
        diastolic: diastolic.value,
        ...(pulse.value !== undefined ? { pulse: pulse.value } : {}),
        unit: 'mm[Hg]',
      },
    };
  }

  const unit = unitOf(draft);
  const value = checkNumber(draft.value, draft.type, unit);
  if (value.problem) errors.value = value.problem;
  if (draft.type === 'glucose' && draft.context === '') errors.context = { code: 'required' };
  if (Object.keys(errors).length > 0 || value.value === undefined) return { errors, input: null };
  return {
    errors,
    input: {
      ...common,
      value: value.value,
      unit,
      ...(draft.type === 'glucose' && draft.context !== '' ? { context: draft.context } : {}),
    },
  };
}

/** The form field a server rejection names (`systolic`, `value`, `unit`, `context`...), if the form has it. */
export function fieldOfRejection(field: string | null, type: EntryType): DraftField | null {
  if (
    field === 'systolic' ||
    field === 'diastolic' ||
    field === 'pulse' ||
    field === 'context' ||
    field === 'note'
  ) {
    return field;
  }
  if (field === 'value') return type === 'blood-pressure' ? null : 'value';
  if (field === 'unit') return type === 'blood-pressure' ? 'systolic' : 'value';
  return null;
}
