export type AppleHealthQuantityKind =
  | 'glucose'
  | 'heart-rate'
  | 'weight'
  | 'height'
  | 'body-fat'
  | 'bmi'
  | 'steps'
  | 'spo2'
  | 'respiratory-rate'
  | 'body-temperature';

export type AppleHealthKind = AppleHealthQuantityKind | 'blood-pressure' | 'sleep';

/** What every reading carries: times are ISO 8601 with the export's own UTC offset. */
export interface AppleHealthReadingBase {
  loinc: string;
  /** UCUM */
  unit: string;
  at: string;
  end?: string;
  /** Record sourceName: the app or device that wrote it ("Alexandre's Apple Watch", "Health"). */
  source: string;
  device?: AppleHealthDevice;
  /** 1-based line of the Record (or Correlation) in export.xml. */
  line: number;
}

export interface AppleHealthQuantityReading extends AppleHealthReadingBase {
  kind: AppleHealthQuantityKind;
  value: number;
  /** Glucose only: HKBloodGlucoseMealTime 1 = preprandial, 2 = postprandial. */
  mealTime?: 'before-meal' | 'after-meal';
}

export interface AppleHealthBloodPressureReading extends AppleHealthReadingBase {
  kind: 'blood-pressure';
  systolic: number;
  diastolic: number;
}

export interface AppleHealthSleepReading extends AppleHealthReadingBase {
  kind: 'sleep';
  /** The night as the local date it began on (a night runs noon to noon). */
  night: string;
  /** Minutes asleep (all Asleep* stages) or, when the source recorded only InBed, minutes in bed. */
  value: number;
  basis: 'asleep' | 'in-bed';
  inBedMinutes: number;
}

export type AppleHealthReading =
  AppleHealthQuantityReading | AppleHealthBloodPressureReading | AppleHealthSleepReading;

/** Parsed from Apple's `<<HKDevice: 0x...>, name:Apple Watch, manufacturer:Apple Inc., ...>` string. */
export interface AppleHealthDevice {
  name?: string;
  manufacturer?: string;
  model?: string;
  hardware?: string;
  software?: string;
}

export type AppleHealthProblemCode =
  | 'bad-date'
  | 'bad-number'
  | 'impossible-value'
  | 'unknown-unit'
  | 'missing-field'
  | 'incomplete-blood-pressure'
  | 'malformed-tag'
  | 'tag-too-long'
  | 'truncated'
  | 'not-health-data';

export interface AppleHealthProblem {
  line: number;
  code: AppleHealthProblemCode;
  message: string;
  /** The HealthKit type of the record concerned, when known. */
  type?: string;
}

export interface AppleHealthSummary {
  readings: Partial<Record<AppleHealthKind, number>>;
  /** Records and elements read but not mapped (Workout, ActivitySummary, DistanceWalkingRunning ...). */
  skipped: Record<string, number>;
  problems: number;
  exportDate?: string;
}
