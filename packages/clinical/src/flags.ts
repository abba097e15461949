// Abnormal flags for a lab value (HL7 v2 table 0078 style codes: N, H, L, HH, LL for critical).
import { resolveAnalyteKey, type AnalyteKey } from './analytes.ts';
import type { ReferenceInterval } from './reference-ranges.ts';
import { convert, sameUnit } from './units.ts';

export type Flag = 'N' | 'H' | 'L' | 'HH' | 'LL';

/** A value strictly below `low` or strictly above `high` is critical. */
export interface CriticalLimits {
  readonly analyte: AnalyteKey;
  readonly low?: number;
  readonly high?: number;
  readonly unit: string;
  readonly source: string;
}

// Critical values are typical, not a standard: each org configures its own list (clinical.md, Critical values).
const TYPICAL = 'Typical critical value; org-configurable (clinical.md, Critical values)';

export const TYPICAL_CRITICAL_LIMITS: readonly CriticalLimits[] = [
  // Potassium < 2.8 or > 6.2 mmol/L.
  { analyte: 'potassium', low: 2.8, high: 6.2, unit: 'mmol/L', source: TYPICAL },
  // Sodium < 120 or > 160 mmol/L.
  { analyte: 'sodium', low: 120, high: 160, unit: 'mmol/L', source: TYPICAL },
  // Glucose < 2.8 or > 22.2 mmol/L, fasting or not.
  { analyte: 'glucose', low: 2.8, high: 22.2, unit: 'mmol/L', source: TYPICAL },
  { analyte: 'fasting-glucose', low: 2.8, high: 22.2, unit: 'mmol/L', source: TYPICAL },
  // Hemoglobin < 50 g/L.
  { analyte: 'hemoglobin', low: 50, unit: 'g/L', source: TYPICAL },
  // Platelets < 30 x10^9/L.
  { analyte: 'platelets', low: 30, unit: '10*9/L', source: TYPICAL },
  // WBC < 1.5 or > 30 x10^9/L.
  { analyte: 'wbc', low: 1.5, high: 30, unit: '10*9/L', source: TYPICAL },
];

/** Critical limits for an analyte (key or LOINC code); the org's own list, when it has a row, wins. */
export function criticalLimitsFor(
  analyteOrLoinc: string,
  overrides: readonly CriticalLimits[] = [],
): CriticalLimits | null {
  const analyte = resolveAnalyteKey(analyteOrLoinc);
  if (analyte === undefined) return null;
  return (
    overrides.find((c) => c.analyte === analyte) ??
    TYPICAL_CRITICAL_LIMITS.find((c) => c.analyte === analyte) ??
    null
  );
}

function inUnit(value: number, unit: string, toUnit: string, analyte: AnalyteKey): number {
  // convert() throws a typed error for units it cannot relate, so a value is never compared in the wrong unit.
  return sameUnit(unit, toUnit) ? value : convert({ value, unit }, toUnit, analyte);
}

/**
 * Flags a value against a reference range and critical limits, converting the value into each one's unit first.
 * Critical limits are checked first: a value beyond them is LL or HH whatever the range says.
 */
export function interpret(
  value: number,
  unit: string,
  range: ReferenceInterval | null,
  criticals: CriticalLimits | null = null,
): Flag {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot flag ${String(value)}`);
  if (criticals !== null) {
    const v = inUnit(value, unit, criticals.unit, criticals.analyte);
    if (criticals.low !== undefined && v < criticals.low) return 'LL';
    if (criticals.high !== undefined && v > criticals.high) return 'HH';
  }
  if (range !== null) {
    const v = inUnit(value, unit, range.unit, range.analyte);
    if (range.low !== undefined && v < range.low) return 'L';
    if (range.high !== undefined && (range.highExclusive === true ? v >= range.high : v > range.high))
      return 'H';
  }
  return 'N';
}
