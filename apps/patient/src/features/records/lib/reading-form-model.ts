import type { AnalyteInfo, ObservationInput } from '@careloop/contracts';
import { normalizeFieldPath } from '../../../api/api-error.ts';

export const SYSTOLIC = '8480-6';
export const DIASTOLIC = '8462-4';
/** Blood pressure is one reading of two values (systolic over diastolic) stored as two observations. */
export const BLOOD_PRESSURE = 'bp';

/** What a person picks in the form: one analyte, or blood pressure as a pair. */
export interface ReadingItem {
  id: string;
  key: string;
  zh: string;
  en: string;
  /** One code, or systolic and diastolic for blood pressure. */
  codes: readonly string[];
  unit: string;
  units: readonly string[];
  common: boolean;
}

// The readings people take at home come first: blood pressure, fasting and other glucose, weight, heart rate.
const COMMON = ['bp', '14771-0', '2345-7', '29463-7', '8867-4', '4548-4', '8302-2'] as const;

function itemOf(a: AnalyteInfo, common: boolean): ReadingItem {
  return {
    id: a.loinc,
    key: a.key,
    zh: a.zh,
    en: a.en,
    codes: [a.loinc],
    unit: a.unit,
    units: a.units,
    common,
  };
}

/** The items of the picker: the common ones in a fixed order, then the rest by kind (vitals first) and name;
 *  one item per analyte (fasting glucose has two LOINC codes but is one thing to a patient). */
export function readingItems(analytes: readonly AnalyteInfo[], locale: string): ReadingItem[] {
  const byCode = new Map(analytes.map((a) => [a.loinc, a]));
  const items: ReadingItem[] = [];
  const systolic = byCode.get(SYSTOLIC);
  for (const id of COMMON) {
    if (id === BLOOD_PRESSURE) {
      if (systolic && byCode.has(DIASTOLIC)) {
        items.push({
          id: BLOOD_PRESSURE,
          key: 'blood-pressure',
          zh: '血压',
          en: 'Blood pressure',
          codes: [SYSTOLIC, DIASTOLIC],
          unit: systolic.unit,
          units: systolic.units,
          common: true,
        });
      }
      continue;
    }
    const analyte = byCode.get(id);
    if (analyte) items.push(itemOf(analyte, true));
  }
  const taken = new Set([...items.map((i) => i.key), 'systolic-bp', 'diastolic-bp']);
  const rest = analytes
    .filter((a) => {
      if (taken.has(a.key)) return false;
      taken.add(a.key);
      return true;
    })
    .sort((a, b) =>
      a.kind === b.kind
        ? (locale === 'zh-CN' ? a.zh : a.en).localeCompare(locale === 'zh-CN' ? b.zh : b.en, locale)
        : a.kind === 'vital'
          ? -1
          : 1,
    );
  return [...items, ...rest.map((a) => itemOf(a, false))];
}

// Values no living person can have: the server's sanity bounds (apps/server/src/modules/records/observations/
// plausible-values.ts) in the analyte's reported unit, and the same bounds converted for the other units a person
// may pick. They never flag anything (the server flags against reference ranges); they catch a typo or a wrong
// unit at the field, before the server refuses it.
const LIMITS: Record<string, [number, number]> = {
  'systolic-bp|mm[Hg]': [30, 320],
  'diastolic-bp|mm[Hg]': [10, 250],
  'glucose|mmol/L': [0.1, 200],
  'glucose|mg/dL': [1.8, 3600],
  'fasting-glucose|mmol/L': [0.1, 200],
  'fasting-glucose|mg/dL': [1.8, 3600],
  'hba1c|%': [2, 25],
  'body-weight|kg': [0.2, 700],
  'body-height|cm': [20, 280],
  'heart-rate|/min': [10, 350],
  'bmi|kg/m2': [5, 150],
  'total-cholesterol|mmol/L': [0.1, 60],
  'total-cholesterol|mg/dL': [3.9, 2320],
  'ldl-cholesterol|mmol/L': [0, 50],
  'hdl-cholesterol|mmol/L': [0, 15],
  'triglycerides|mmol/L': [0, 200],
  'creatinine|umol/L': [5, 5000],
  'uric-acid|umol/L': [5, 3000],
  'potassium|mmol/L': [0.5, 15],
  'sodium|mmol/L': [70, 220],
};

export function plausibleRange(key: string, unit: string): [number, number] | null {
  return LIMITS[`${key}|${unit}`] ?? null;
}

export interface ReadingDraft {
  itemId: string;
  /** The value, or systolic for blood pressure. */
  value: string;
  /** Diastolic, for blood pressure only. */
  value2: string;
  unit: string;
  /** `YYYY-MM-DDTHH:mm` in the phone's time zone, as a datetime-local input holds it. */
  effectiveAt: string;
  note: string;
}

export type ReadingField = 'itemId' | 'value' | 'value2' | 'unit' | 'effectiveAt' | 'note';
export type ReadingProblem =
  | { code: 'required' }
  | { code: 'not_a_number' }
  | { code: 'negative' }
  | { code: 'out_of_range'; min: number; max: number; unit: string }
  | { code: 'systolic_not_above_diastolic' }
  | { code: 'in_future' }
  | { code: 'too_long'; max: number };
export type ReadingErrors = Partial<Record<ReadingField, ReadingProblem>>;

const NOTE_MAX = 1000;
/** Phones' clocks drift; a reading a few minutes "ahead" is not in the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Now, as a datetime-local input wants it (local time, minutes). */
export function localDateTimeValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function emptyDraft(itemId: string, unit: string, now: Date): ReadingDraft {
  return { itemId, value: '', value2: '', unit, effectiveAt: localDateTimeValue(now), note: '' };
}

/** Reads a typed number: full-width digits (from a Chinese keyboard) and a decimal comma are accepted. */
export function parseNumber(text: string): number | null {
  const ascii = text
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/^(-?\d+),(\d+)$/, '$1.$2');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(ascii)) return null;
  const value = Number(ascii);
  return Number.isFinite(value) ? value : null;
}

function checkValue(text: string, key: string, unit: string): { value?: number; problem?: ReadingProblem } {
  if (text.trim() === '') return { problem: { code: 'required' } };
  const value = parseNumber(text);
  if (value === null) return { problem: { code: 'not_a_number' } };
  const range = plausibleRange(key, unit);
  if (range && (value < range[0] || value > range[1])) {
    return { problem: { code: 'out_of_range', min: range[0], max: range[1], unit } };
  }
  if (!range && value < 0) return { problem: { code: 'negative' } };
  return { value };
}

export interface CheckedReading {
  errors: ReadingErrors;
  /** The observations to POST, present only when there are no errors. */
  inputs: ObservationInput[] | null;
}

/** Checks a draft as a person fills it in and, when it is fine, gives the observations to send. */
export function checkReading(draft: ReadingDraft, item: ReadingItem | undefined, now: Date): CheckedReading {
  const errors: ReadingErrors = {};
  if (!item) return { errors: { itemId: { code: 'required' } }, inputs: null };
  const unit = item.units.includes(draft.unit) ? draft.unit : item.unit;
  const isBp = item.id === BLOOD_PRESSURE;
  const first = checkValue(draft.value, isBp ? 'systolic-bp' : item.key, unit);
  if (first.problem) errors.value = first.problem;
  let second: number | undefined;
  if (isBp) {
    const checked = checkValue(draft.value2, 'diastolic-bp', unit);
    if (checked.problem) errors.value2 = checked.problem;
    second = checked.value;
    if (first.value !== undefined && second !== undefined && first.value <= second) {
      errors.value2 = { code: 'systolic_not_above_diastolic' };
    }
  }
  const at = draft.effectiveAt ? new Date(draft.effectiveAt) : null;
  if (!at || Number.isNaN(at.getTime())) errors.effectiveAt = { code: 'required' };
  else if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) errors.effectiveAt = { code: 'in_future' };
  const note = draft.note.trim();
  if (note.length > NOTE_MAX) errors.note = { code: 'too_long', max: NOTE_MAX };
  if (Object.keys(errors).length > 0 || first.value === undefined || !at) return { errors, inputs: null };
  const common = { unit, effectiveAt: at.toISOString(), ...(note ? { note } : {}) };
  const values = isBp ? [first.value, second ?? 0] : [first.value];
  return {
    errors,
    inputs: item.codes.map((code, index) => ({
      code,
      codeSystem: 'loinc' as const,
      value: values[index] ?? 0,
      ...common,
    })),
  };
}

/** Server field errors (`value`, `unit`, `effectiveAt`) land on the field of the observation they came from:
 *  for blood pressure the second request's `value` is the diastolic field. */
export function serverFieldFor(path: string, requestIndex: number): ReadingField | null {
  const field = normalizeFieldPath(path).split('.')[0] ?? '';
  if (field === 'value' || field === 'valueText') return requestIndex === 1 ? 'value2' : 'value';
  if (field === 'unit' || field === 'effectiveAt' || field === 'note') return field;
  if (field === 'code') return 'itemId';
  return null;
}
