import {
  analyteByLoinc,
  convert,
  criticalLimitsFor,
  interpret,
  isConvertibleAnalyte,
  rangeFor,
  roundTo,
  unitsFor,
  type Analyte,
  type ReferenceInterval,
} from '@careloop/clinical';
import type { ObservationInput } from '@careloop/contracts';
import type { ObservationFlag } from '../../../platform/db/schema-records.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { PLAUSIBLE, canonicalUnit } from './plausible-values.ts';

// Pure rules for a reading: the patient's reference range and flag, unit conversion into the analyte's reported
// unit, and refusal of impossible values. No I/O, so they are unit-tested row by row.

export type PatientSex = 'male' | 'female' | 'other' | 'unknown';

export interface PatientFacts {
  sex: PatientSex;
  /** YYYY-MM-DD */
  birthDate: string;
}

/** Whole years between a birth date and an instant (the birthday counts on its day, in UTC). */
export function ageYearsAt(birthDate: string, at: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = at.getUTCFullYear() - y;
  const beforeBirthday = at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return Math.max(age, 0);
}

/** A bound of a range in another unit of the same analyte, or null when the units do not relate. */
function boundIn(value: number | undefined, range: ReferenceInterval, unit: string): number | null {
  if (value === undefined) return null;
  if (range.unit === unit) return value;
  try {
    return roundTo(convert({ value, unit: range.unit }, unit, range.analyte), 2);
  } catch {
    return null;
  }
}

/** The built-in reference range of a LOINC analyte for this patient at this time, in `unit`. */
export function referenceBand(
  code: string,
  unit: string | null,
  patient: PatientFacts,
  at: Date,
): { low: number | null; high: number | null } | null {
  const range = rangeFor(code, { sex: patient.sex, ageYears: ageYearsAt(patient.birthDate, at) });
  if (!range || unit === null) return null;
  const low = boundIn(range.low, range, unit);
  const high = boundIn(range.high, range, unit);
  return low === null && high === null ? null : { low, high };
}

export interface FlagInput {
  codeSystem: 'loinc' | 'local';
  code: string;
  valueNum: number | null;
  unit: string | null;
  refLow: number | null;
  refHigh: number | null;
}

/**
 * The flag of a reading that arrived without one, and the range it was judged against. Critical limits of a known
 * analyte come first (HH/LL); then the range the source printed, else the built-in range for the patient's sex and
 * age. A text value, or a value no range applies to, gets no flag rather than a guessed one.
 */
export function flagReading(
  row: FlagInput,
  patient: PatientFacts,
  at: Date,
): { flag: ObservationFlag | null; refLow: number | null; refHigh: number | null } {
  const { valueNum: value, unit } = row;
  const printed = row.refLow !== null || row.refHigh !== null;
  const analyte = row.codeSystem === 'loinc' ? analyteByLoinc(row.code) : undefined;
  const ageYears = ageYearsAt(patient.birthDate, at);
  const range = analyte && !printed ? rangeFor(analyte.key, { sex: patient.sex, ageYears }) : null;
  const band = printed
    ? { low: row.refLow, high: row.refHigh }
    : range
      ? referenceBand(row.code, unit, patient, at)
      : null;
  const refs = { refLow: band?.low ?? null, refHigh: band?.high ?? null };
  if (value === null) return { flag: null, ...refs };
  const critical = analyte ? criticalLimitsFor(analyte.key) : null;
  if (unit !== null && (critical || range)) {
    try {
      const flag = interpret(value, unit, printed ? null : range, critical);
      if (flag === 'HH' || flag === 'LL' || (!printed && range)) return { flag, ...refs };
    } catch {
      // A unit the built-in range or limits cannot be compared in: judge by the printed range, if any.
    }
  }
  if (!printed) return { flag: null, ...refs };
  const flag =
    row.refLow !== null && value < row.refLow ? 'L' : row.refHigh !== null && value > row.refHigh ? 'H' : 'N';
  return { flag, ...refs };
}

/** The units a reading of this analyte may be entered in (the reported unit first). */
export function acceptedUnits(analyte: Analyte): string[] {
  const units = isConvertibleAnalyte(analyte.key) ? unitsFor(analyte.key) : [];
  return [analyte.reportedUnit, ...units.filter((u) => u !== analyte.reportedUnit)];
}

/** Decimals a converted value keeps: enough for the reported unit's usual precision. */
const DECIMALS: Readonly<Record<string, number>> = { 'mmol/L': 2, '%': 1, 'umol/L': 0, 'mmol/mol': 0 };

export interface NormalizedReading {
  codeSystem: 'loinc' | 'local';
  code: string;
  name: string;
  valueNum: number | null;
  valueText: string | null;
  unit: string | null;
}

/**
 * A reading typed by a person: a LOINC analyte is converted into its reported unit (glucose in mg/dL is stored in
 * mmol/L) and checked against physiological limits; any other code is kept as a local code under the given name.
 * Errors name the field: 400 for an unknown unit or a missing name, 422 for an impossible value.
 */
export function normalizeReading(input: ObservationInput): NormalizedReading {
  const analyte = input.codeSystem === 'local' ? undefined : analyteByLoinc(input.code);
  if (!analyte) {
    if (input.codeSystem === 'loinc') {
      throw new AppError('VALIDATION_FAILED', { errors: [{ path: 'code', message: 'unknown_loinc' }] });
    }
    if (!input.name) {
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'name', message: 'required_for_local_code' }],
      });
    }
    return {
      codeSystem: 'local',
      code: input.code,
      name: input.name,
      valueNum: input.value ?? null,
      valueText: input.valueText ?? null,
      unit: input.unit ?? null,
    };
  }
  const base = { codeSystem: 'loinc' as const, code: analyte.loinc, name: analyte.en };
  if (input.value === undefined) {
    return { ...base, valueNum: null, valueText: input.valueText ?? null, unit: null };
  }
  const unit = input.unit === undefined ? analyte.reportedUnit : canonicalUnit(input.unit);
  const allowed = acceptedUnits(analyte);
  if (!allowed.includes(unit)) {
    throw new AppError('RECORD_UNKNOWN_UNIT', {
      errors: [{ path: 'unit', message: `expected ${allowed.join(' or ')}` }],
    });
  }
  const value =
    unit === analyte.reportedUnit
      ? input.value
      : roundTo(
          convert({ value: input.value, unit }, analyte.reportedUnit, analyte.key),
          DECIMALS[analyte.reportedUnit] ?? 2,
        );
  const limits = PLAUSIBLE[analyte.key];
  if (value < limits.min || value > limits.max) {
    throw new AppError('RECORD_IMPOSSIBLE_VALUE', {
      errors: [{ path: 'value', message: `outside ${limits.min}-${limits.max} ${analyte.reportedUnit}` }],
    });
  }
  return { ...base, valueNum: value, valueText: input.valueText ?? null, unit: analyte.reportedUnit };
}
