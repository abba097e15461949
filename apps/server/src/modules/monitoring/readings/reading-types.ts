// What each reading type becomes in the record: LOINC codes, canonical UCUM units, the units a sender may use,
// and the values a living person can have. Pure: no I/O, so the REST, MQTT, CSV and Apple Health paths all check
// readings the same way.
import type { GlucoseContext, ReadingType } from '@careloop/contracts';

export interface Quantity {
  readonly loinc: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Canonical UCUM unit the value is stored in. */
  readonly unit: string;
  /** Accepted spellings (lower-cased) and the factor to the canonical unit (or a function for offsets). */
  readonly units: Readonly<Record<string, number | ((v: number) => number)>>;
  /** Unit assumed when the sender gives none; undefined means the unit is required. */
  readonly defaultUnit?: string;
  /** The range a living person's reading can fall in (canonical unit); outside it the reading is refused. */
  readonly min: number;
  readonly max: number;
}

const mmHg = { 'mm[hg]': 1, mmhg: 1, 'mm hg': 1 };

// Sources for the plausible ranges: the measuring ranges of home meters (ISO 15197 meters report 0.6-33.3 mmol/L,
// CGMs 2.2-22.2), and the extremes of human physiology with a margin; anything outside is a device or typing error.
export const QUANTITIES = {
  systolic: {
    loinc: '8480-6',
    nameZh: '收缩压',
    nameEn: 'Systolic blood pressure',
    unit: 'mm[Hg]',
    units: mmHg,
    defaultUnit: 'mm[hg]',
    min: 40,
    max: 300,
  },
  diastolic: {
    loinc: '8462-4',
    nameZh: '舒张压',
    nameEn: 'Diastolic blood pressure',
    unit: 'mm[Hg]',
    units: mmHg,
    defaultUnit: 'mm[hg]',
    min: 20,
    max: 200,
  },
  pulse: {
    loinc: '8867-4',
    nameZh: '心率',
    nameEn: 'Heart rate',
    unit: '/min',
    units: { '/min': 1, bpm: 1, 'beats/min': 1, '{beats}/min': 1, '次/分': 1 },
    defaultUnit: '/min',
    min: 20,
    max: 300,
  },
  glucose: {
    loinc: '15074-8',
    nameZh: '血糖',
    nameEn: 'Glucose',
    unit: 'mmol/L',
    units: { 'mmol/l': 1, 'mg/dl': 1 / 18.016 },
    min: 0.5,
    max: 50,
  },
  weight: {
    loinc: '29463-7',
    nameZh: '体重',
    nameEn: 'Body weight',
    unit: 'kg',
    units: { kg: 1, g: 0.001, '[lb_av]': 0.45359237, lb: 0.45359237, lbs: 0.45359237, 公斤: 1, 斤: 0.5 },
    min: 0.5,
    max: 500,
  },
  spo2: {
    loinc: '59408-5',
    nameZh: '血氧饱和度',
    nameEn: 'Oxygen saturation',
    unit: '%',
    units: { '%': 1 },
    defaultUnit: '%',
    min: 50,
    max: 100,
  },
  steps: {
    loinc: '55423-8',
    nameZh: '步数',
    nameEn: 'Steps',
    unit: '{steps}',
    units: { '{steps}': 1, steps: 1, 步: 1 },
    defaultUnit: '{steps}',
    min: 0,
    max: 100_000,
  },
  sleep: {
    loinc: '93832-4',
    nameZh: '睡眠时长',
    nameEn: 'Sleep duration',
    unit: 'min',
    units: { min: 1, h: 60, hours: 60 },
    min: 0,
    max: 24 * 60,
  },
  temperature: {
    loinc: '8310-5',
    nameZh: '体温',
    nameEn: 'Body temperature',
    unit: 'Cel',
    units: {
      cel: 1,
      '°c': 1,
      c: 1,
      '[degf]': (f: number) => ((f - 32) * 5) / 9,
      '°f': (f: number) => ((f - 32) * 5) / 9,
    },
    min: 25,
    max: 45,
  },
} as const satisfies Record<string, Quantity>;

export type QuantityKey = keyof typeof QUANTITIES;

/** The quantity a single-value reading type is stored as. */
export const VALUE_QUANTITY: Readonly<Record<Exclude<ReadingType, 'blood-pressure'>, QuantityKey>> = {
  glucose: 'glucose',
  weight: 'weight',
  'heart-rate': 'pulse',
  spo2: 'spo2',
  steps: 'steps',
  sleep: 'sleep',
  temperature: 'temperature',
};

/** The reading type of a stored observation code (the main code of each type). */
export const TYPE_OF_CODE: Readonly<Record<string, ReadingType>> = {
  '8480-6': 'blood-pressure',
  '15074-8': 'glucose',
  '29463-7': 'weight',
  '8867-4': 'heart-rate',
  '59408-5': 'spo2',
  '55423-8': 'steps',
  '93832-4': 'sleep',
  '8310-5': 'temperature',
};

export const MONITORED_CODES = [...Object.keys(TYPE_OF_CODE), '8462-4'];

/** Converts a value given in `unit` to the quantity's canonical unit; undefined when the unit is not accepted. */
export function toCanonical(q: Quantity, value: number, unit: string | undefined): number | undefined {
  const spelled = (unit ?? q.defaultUnit)?.trim().toLowerCase();
  if (spelled === undefined) return undefined;
  const factor = q.units[spelled];
  if (factor === undefined) return undefined;
  const v = typeof factor === 'function' ? factor(value) : value * factor;
  return Math.round(v * 1000) / 1000;
}

export const GLUCOSE_CONTEXTS: readonly GlucoseContext[] = [
  'fasting',
  'before-meal',
  'after-meal',
  'bedtime',
  'random',
  'cgm',
];
