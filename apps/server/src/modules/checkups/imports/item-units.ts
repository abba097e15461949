// Units as checkup systems write them (μmol/L, mmol/l, ×10^9/L, 次/分) brought to UCUM, and values converted to the
// unit the analyte is kept in (analytes.ts `reportedUnit`, the unit Chinese labs report and our ranges use).
import { convert, roundTo, UnitConversionError, type Analyte } from '@careloop/clinical';

/** Full-width ASCII (ｍｍｏｌ／Ｌ) and the ideographic space to their half-width forms. */
const toHalfWidth = (text: string): string =>
  text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');

const SYNONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'mmol/l': 'mmol/L',
    'umol/l': 'umol/L',
    'mg/dl': 'mg/dL',
    'mg/l': 'mg/L',
    'g/l': 'g/L',
    'g/dl': 'g/dL',
    'u/l': 'U/L',
    'iu/l': 'U/L',
    '%': '%',
    'mmol/mol': 'mmol/mol',
    mmhg: 'mm[Hg]',
    'mm[hg]': 'mm[Hg]',
    kg: 'kg',
    cm: 'cm',
    'kg/m2': 'kg/m2',
    'kg/m^2': 'kg/m2',
    'kg/m²': 'kg/m2',
    bpm: '/min',
    '/min': '/min',
    '次/分': '/min',
    '次/分钟': '/min',
    '次/min': '/min',
    'beats/min': '/min',
    '10^9/l': '10*9/L',
    '10*9/l': '10*9/L',
    '10e9/l': '10*9/L',
    '10⁹/l': '10*9/L',
    '10^12/l': '10*12/L',
    '10*12/l': '10*12/L',
    '10e12/l': '10*12/L',
    '10^3/ul': '10*3/uL',
    '10*3/ul': '10*3/uL',
    'k/ul': '10*3/uL',
  }),
);

// Units that differ in name only: 10^3 per microlitre is 10^9 per litre.
const SAME_MAGNITUDE: readonly (readonly string[])[] = [['10*9/L', '10*3/uL']];

/** UCUM spelling of a unit as written; unknown units come back trimmed, never dropped. */
export function normalizeUnit(unit: string | undefined | null): string | null {
  if (unit == null) return null;
  const trimmed = toHalfWidth(unit).trim();
  if (trimmed === '') return null;
  const key = trimmed
    .replace(/[μµ]/g, 'u')
    .replace(/^[x×]\s*/i, '')
    .replace(/\s+/g, '')
    .toLowerCase();
  return SYNONYMS.get(key) ?? trimmed;
}

export function sameUnit(a: string, b: string): boolean {
  return a === b || SAME_MAGNITUDE.some((group) => group.includes(a) && group.includes(b));
}

const DECIMALS: Readonly<Record<string, number>> = {
  'mmol/L': 2,
  'umol/L': 1,
  'mg/dL': 1,
  '%': 1,
  'mmol/mol': 0,
};

export interface HarmonizedValue {
  valueNum: number | null;
  refLow: number | null;
  refHigh: number | null;
  unit: string | null;
  /** Set when converted: the value and unit as the source reported them. */
  reportedAs: string | null;
  /** Set when the unit is not the analyte's and cannot be converted: the value is kept as reported. */
  unknownUnit: string | null;
}

/**
 * Brings a numeric result (and its reference limits) into the analyte's unit. An item without a unit is assumed to
 * be in the analyte's unit; one in a unit that cannot be converted is kept exactly as reported and flagged.
 */
export function harmonizeUnit(
  analyte: Analyte,
  value: { valueNum: number | null; refLow: number | null; refHigh: number | null; unit: string | null },
): HarmonizedValue {
  const expected = analyte.reportedUnit;
  const unit = normalizeUnit(value.unit);
  const kept = { ...value, unit, reportedAs: null, unknownUnit: null };
  if (unit === null) return kept;
  if (sameUnit(unit, expected)) return { ...kept, unit: expected };
  const decimals = DECIMALS[expected] ?? 3;
  const to = (n: number | null) =>
    n === null ? null : roundTo(convert({ value: n, unit }, expected, analyte.key), decimals);
  try {
    return {
      valueNum: to(value.valueNum),
      refLow: to(value.refLow),
      refHigh: to(value.refHigh),
      unit: expected,
      reportedAs: value.valueNum === null ? null : `${value.valueNum} ${unit}`,
      unknownUnit: null,
    };
  } catch (error) {
    if (!(error instanceof UnitConversionError)) throw error;
    return { ...kept, unknownUnit: unit };
  }
}
