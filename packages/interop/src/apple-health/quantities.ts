// HealthKit quantity types -> CareLoop readings: LOINC code, UCUM unit, conversion from each unit string Apple
// writes (HKUnit unitString), and a plausibility range outside which a value cannot be a real measurement.
// The ranges are CareLoop's own physiological limits for rejecting corrupt data, not clinical thresholds.
import type { AppleHealthQuantityKind } from './types.ts';
import { round } from './values.ts';

export interface QuantityRule {
  kind: AppleHealthQuantityKind;
  /** LOINC codes of the HL7 FHIR R4 vital-signs profile where it has one. */
  loinc: string;
  unit: string;
  /** Converters by Apple unit string; glucose's molar unit is handled by glucoseConverter. */
  from: Readonly<Record<string, (value: number) => number>>;
  min: number;
  max: number;
  decimals: number;
}

const same = (value: number): number => value;
// 1 lb = 0.45359237 kg exactly (International Yard and Pound Agreement, 1959); 1 st = 14 lb; 1 in = 2.54 cm.
const LB = 0.45359237;
// HealthKit's '%' unit is a fraction: 0.97 is 97 % (HKUnit.percent(), Apple developer documentation).
const percent = (fraction: number): number => fraction * 100;

export const QUANTITY_RULES: Readonly<Record<string, QuantityRule>> = {
  HKQuantityTypeIdentifierBloodGlucose: {
    kind: 'glucose',
    loinc: '15074-8', // Glucose [Moles/volume] in Blood
    unit: 'mmol/L',
    from: {},
    min: 0.5,
    max: 60,
    decimals: 2,
  },
  HKQuantityTypeIdentifierHeartRate: {
    kind: 'heart-rate',
    loinc: '8867-4',
    unit: '/min',
    from: { 'count/min': same, 'count/s': (v) => v * 60 },
    min: 20,
    max: 300,
    decimals: 1,
  },
  HKQuantityTypeIdentifierBodyMass: {
    kind: 'weight',
    loinc: '29463-7',
    unit: 'kg',
    from: { kg: same, g: (v) => v / 1000, lb: (v) => v * LB, st: (v) => v * 14 * LB },
    min: 0.3,
    max: 500,
    decimals: 2,
  },
  HKQuantityTypeIdentifierHeight: {
    kind: 'height',
    loinc: '8302-2',
    unit: 'cm',
    from: { cm: same, m: (v) => v * 100, in: (v) => v * 2.54, ft: (v) => v * 12 * 2.54 },
    min: 20,
    max: 280,
    decimals: 1,
  },
  HKQuantityTypeIdentifierBodyFatPercentage: {
    kind: 'body-fat',
    loinc: '41982-0', // Percentage of body fat Measured
    unit: '%',
    from: { '%': percent },
    min: 1,
    max: 80,
    decimals: 1,
  },
  HKQuantityTypeIdentifierBodyMassIndex: {
    kind: 'bmi',
    loinc: '39156-5',
    unit: 'kg/m2',
    from: { count: same },
    min: 5,
    max: 150,
    decimals: 1,
  },
  HKQuantityTypeIdentifierStepCount: {
    kind: 'steps',
    loinc: '55423-8', // Number of steps in unspecified time Pedometer
    unit: '{steps}',
    from: { count: same },
    min: 0,
    max: 200_000,
    decimals: 0,
  },
  HKQuantityTypeIdentifierOxygenSaturation: {
    kind: 'spo2',
    loinc: '59408-5', // Oxygen saturation in Arterial blood by Pulse oximetry
    unit: '%',
    from: { '%': percent },
    min: 50,
    max: 100,
    decimals: 1,
  },
  HKQuantityTypeIdentifierRespiratoryRate: {
    kind: 'respiratory-rate',
    loinc: '9279-1',
    unit: '/min',
    from: { 'count/min': same },
    min: 2,
    max: 80,
    decimals: 1,
  },
  HKQuantityTypeIdentifierBodyTemperature: {
    kind: 'body-temperature',
    loinc: '8310-5',
    unit: 'Cel',
    from: { degC: same, degF: (v) => ((v - 32) * 5) / 9 },
    min: 30,
    max: 45,
    decimals: 2,
  },
};

// Glucose: molar mass 180.156 g/mol (Apple writes it into the unit: 'mmol<180.1558800000541>/L'), so
// mg/dL / 18.0156 = mmol/L, the factor clinical.md's conversions give as 18.016.
const GLUCOSE_MOLAR_MASS = 180.15588;
const MOLAR_UNIT = /^mmol<(\d+(?:\.\d+)?)>\/L$/;

export function glucoseConverter(unit: string): ((value: number) => number) | undefined {
  if (unit === 'mmol/L') return same;
  if (unit === 'mg/dL') return (v) => (v * 10) / GLUCOSE_MOLAR_MASS;
  const molar = MOLAR_UNIT.exec(unit);
  // A molar mass other than glucose's would mean another substance: refuse rather than guess.
  if (molar && Math.abs(Number(molar[1]) - GLUCOSE_MOLAR_MASS) < 0.5) return same;
  return undefined;
}

export function converterFor(type: string, rule: QuantityRule, unit: string) {
  return type === 'HKQuantityTypeIdentifierBloodGlucose' ? glucoseConverter(unit) : rule.from[unit];
}

export const toRuleUnits = (rule: QuantityRule, value: number): number => round(value, rule.decimals);

// Blood pressure in mmHg: a systolic of 40-300 and a diastolic of 20-200 bracket every recorded human value;
// systolic must exceed diastolic (CareLoop plausibility limits, as above).
export const BLOOD_PRESSURE = {
  loinc: '85354-9', // Blood pressure panel with all children optional
  unit: 'mm[Hg]',
  systolic: { type: 'HKQuantityTypeIdentifierBloodPressureSystolic', min: 40, max: 300 },
  diastolic: { type: 'HKQuantityTypeIdentifierBloodPressureDiastolic', min: 20, max: 200 },
} as const;
