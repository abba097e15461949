// When a local item name gets a LOINC code, its stored observations move to that code in the analyte's unit.
// convert() is linear (or affine, HbA1c) for every pair it knows, so two points give the SQL rewrite.
import { convert, UnitConversionError, type Analyte } from '@careloop/clinical';
import { sameUnit } from '../imports/item-units.ts';
import type { UnitRewrite } from './mappings.repository.ts';

const DECIMALS: Readonly<Record<string, number>> = {
  'mmol/L': 2,
  'umol/L': 1,
  'mg/dL': 1,
  '%': 1,
  'mmol/mol': 0,
};

export interface RecodePlan {
  targetUnit: string | null;
  keepUnits: string[];
  rewrites: UnitRewrite[];
  includeNoUnit: boolean;
  /** Units whose rows stay unmapped because they cannot be converted. */
  unconvertible: string[];
}

export function planRecode(analyte: Analyte | undefined, units: readonly (string | null)[]): RecodePlan {
  const plan: RecodePlan = {
    targetUnit: analyte?.reportedUnit ?? null,
    keepUnits: [],
    rewrites: [],
    includeNoUnit: units.includes(null),
    unconvertible: [],
  };
  for (const unit of units) {
    if (unit === null) continue;
    if (!analyte) {
      plan.keepUnits.push(unit);
      continue;
    }
    if (sameUnit(unit, analyte.reportedUnit)) {
      plan.keepUnits.push(unit);
      continue;
    }
    try {
      const offset = convert({ value: 0, unit }, analyte.reportedUnit, analyte.key);
      const factor = convert({ value: 1, unit }, analyte.reportedUnit, analyte.key) - offset;
      plan.rewrites.push({ unit, factor, offset, decimals: DECIMALS[analyte.reportedUnit] ?? 3 });
    } catch (error) {
      if (!(error instanceof UnitConversionError)) throw error;
      plan.unconvertible.push(unit);
    }
  }
  // Without an analyte there is no unit to move to: every row keeps its own.
  if (!analyte) plan.targetUnit = null;
  return plan;
}
