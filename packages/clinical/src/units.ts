// Lab unit conversions. Factors from shared/design/clinical.md ("Conversions"); each row names its source.
// Results are full precision: rounding is a display decision, made by the caller with roundTo().

export type UcumUnit = 'mmol/L' | 'mg/dL' | 'umol/L' | '%' | 'mmol/mol' | 'g/L' | 'g/dL';

export type ConvertibleAnalyte =
  | 'glucose'
  | 'fasting-glucose'
  | 'total-cholesterol'
  | 'ldl-cholesterol'
  | 'hdl-cholesterol'
  | 'triglycerides'
  | 'creatinine'
  | 'uric-acid'
  | 'hba1c'
  | 'hemoglobin';

export interface Quantity {
  readonly value: number;
  readonly unit: string;
}

export type UnitConversionErrorCode = 'UNKNOWN_ANALYTE' | 'UNSUPPORTED_UNIT' | 'NOT_A_NUMBER';

export class UnitConversionError extends Error {
  constructor(
    readonly code: UnitConversionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UnitConversionError';
  }
}

/** A conversion between a base unit and one other unit: other = toOther(base), base = toBase(other). */
interface UnitPair {
  readonly base: UcumUnit;
  readonly other: UcumUnit;
  readonly toOther: (base: number) => number;
  readonly toBase: (other: number) => number;
}

const linear = (base: UcumUnit, other: UcumUnit, factor: number): UnitPair => ({
  base,
  other,
  toOther: (v) => v * factor,
  toBase: (v) => v / factor,
});

// Glucose mg/dL = mmol/L x 18.016 (clinical.md, Conversions; molar mass of glucose 180.16 g/mol).
const GLUCOSE = linear('mmol/L', 'mg/dL', 18.016);
// Cholesterol (total, LDL, HDL) mg/dL = mmol/L x 38.67 (clinical.md, Conversions).
const CHOLESTEROL = linear('mmol/L', 'mg/dL', 38.67);

const PAIRS: Readonly<Record<ConvertibleAnalyte, UnitPair>> = {
  glucose: GLUCOSE,
  'fasting-glucose': GLUCOSE,
  'total-cholesterol': CHOLESTEROL,
  'ldl-cholesterol': CHOLESTEROL,
  'hdl-cholesterol': CHOLESTEROL,
  // Triglycerides mg/dL = mmol/L x 88.57 (clinical.md, Conversions).
  triglycerides: linear('mmol/L', 'mg/dL', 88.57),
  // Creatinine mg/dL = umol/L / 88.42 (clinical.md, Conversions).
  creatinine: linear('umol/L', 'mg/dL', 1 / 88.42),
  // Uric acid mg/dL = umol/L / 59.48 (clinical.md, Conversions).
  'uric-acid': linear('umol/L', 'mg/dL', 1 / 59.48),
  // Hemoglobin g/dL = g/L / 10 (SI prefixes: 1 L = 10 dL); Chinese labs report g/L, US labs g/dL.
  hemoglobin: linear('g/L', 'g/dL', 0.1),
  // HbA1c IFCC mmol/mol = (NGSP % - 2.15) x 10.929 (clinical.md, Conversions; the IFCC-NGSP master equation).
  hba1c: {
    base: '%',
    other: 'mmol/mol',
    toOther: (pct) => (pct - 2.15) * 10.929,
    toBase: (mmolPerMol) => mmolPerMol / 10.929 + 2.15,
  },
};

export function isConvertibleAnalyte(analyte: string): analyte is ConvertibleAnalyte {
  return Object.hasOwn(PAIRS, analyte);
}

/** The units convert() accepts for an analyte, or an empty list for an analyte it does not know. */
export function unitsFor(analyte: string): readonly UcumUnit[] {
  if (!isConvertibleAnalyte(analyte)) return [];
  const pair = PAIRS[analyte];
  return [pair.base, pair.other];
}

/**
 * Converts a lab value between units. Throws UnitConversionError for an analyte or unit it does not know,
 * so a caller never receives a silently wrong number.
 */
export function convert(quantity: Quantity, toUnit: string, analyte: string): number {
  if (!Number.isFinite(quantity.value)) {
    throw new UnitConversionError('NOT_A_NUMBER', `Value ${String(quantity.value)} is not a finite number`);
  }
  if (!isConvertibleAnalyte(analyte)) {
    throw new UnitConversionError('UNKNOWN_ANALYTE', `No unit conversions are defined for '${analyte}'`);
  }
  const pair = PAIRS[analyte];
  const units: readonly string[] = [pair.base, pair.other];
  for (const unit of [quantity.unit, toUnit]) {
    if (!units.includes(unit)) {
      throw new UnitConversionError(
        'UNSUPPORTED_UNIT',
        `'${unit}' is not a unit of ${analyte} (expected ${units.join(' or ')})`,
      );
    }
  }
  if (quantity.unit === toUnit) return quantity.value;
  return toUnit === pair.other ? pair.toOther(quantity.value) : pair.toBase(quantity.value);
}

/** Rounds half away from zero to a number of decimals (0-10), correcting binary artefacts such as 1.005. */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw new RangeError(`decimals must be an integer from 0 to 10, got ${decimals}`);
  }
  const scaled = Math.abs(value) * 10 ** decimals;
  const rounded = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(value) * rounded) / 10 ** decimals + 0; // + 0 turns -0 into 0
}

/**
 * Whether two unit strings name the same unit, allowing the spellings labs and devices print: 'mmHg' and UCUM
 * 'mm[Hg]', 'µmol/L' and 'umol/L', '10^9/L' and '10*9/L', 'mg/dl' and 'mg/dL'.
 */
export function sameUnit(a: string, b: string): boolean {
  return spelling(a) === spelling(b);
}

function spelling(unit: string): string {
  return unit
    .replace(/[\s[\]]+/g, '')
    .replace(/[µμ]/g, 'u')
    .replace(/\^/g, '*')
    .toLowerCase();
}
