import type { Observation } from '@careloop/contracts';
import { isAbnormalFlag } from './flags';
import { formatNumber } from './format';
import type { ObservationFlagCode } from './record-types';

// Blood pressure is measured as two LOINC observations (systolic 8480-6, diastolic 8462-4) but read as one value.
export const SYSTOLIC = '8480-6';
export const DIASTOLIC = '8462-4';

export function isBloodPressure(code: string | null | undefined): boolean {
  return code === SYSTOLIC || code === DIASTOLIC;
}

/** Glucose as the console charts it: fasting (mmol/L and mg/dL codes) first, then any serum glucose. */
export const GLUCOSE_CODES = ['14771-0', '1558-6', '2345-7', '2339-0'];

/** The order a clinician scans vitals in; others follow in the server's order. */
const VITAL_ORDER = [SYSTOLIC, '8867-4', '29463-7', '39156-5', '8302-2', ...GLUCOSE_CODES, '8310-5'];

export interface VitalTile {
  key: string;
  /** The code the trend opens with. */
  code: string;
  /** null: the name comes from i18n (blood pressure). */
  name: string | null;
  value: string;
  unit: string | null;
  flag: ObservationFlagCode | null;
  at: string;
  observations: Observation[];
}

/** The worse of two flags: critical over abnormal over normal (for a BP pair shown as one value). */
export function worseFlag(
  a: ObservationFlagCode | null,
  b: ObservationFlagCode | null,
): ObservationFlagCode | null {
  const rank = (f: ObservationFlagCode | null) =>
    !f ? 0 : f === 'HH' || f === 'LL' ? 3 : isAbnormalFlag(f) ? 2 : 1;
  return rank(b) > rank(a) ? b : a;
}

/**
 * The latest vitals as tiles: systolic and diastolic joined as `142/91 mmHg`, the rest one tile per code. Glucose
 * is a lab on the server's side; when the vitals have none, the latest glucose of the labs joins them, because a
 * diabetes clinic reads it with the vitals.
 */
export function vitalTiles(
  vitalsIn: readonly Observation[],
  labs: readonly Observation[] = [],
  language = 'zh-CN',
): VitalTile[] {
  const glucose = vitalsIn.some((o) => GLUCOSE_CODES.includes(o.code))
    ? undefined
    : labs
        .filter((o) => GLUCOSE_CODES.includes(o.code))
        .sort((a, b) => b.effectiveAt.localeCompare(a.effectiveAt))[0];
  const vitals = glucose ? [...vitalsIn, glucose] : vitalsIn;
  const systolic = vitals.find((o) => o.code === SYSTOLIC);
  const diastolic = vitals.find((o) => o.code === DIASTOLIC);
  const tiles: VitalTile[] = [];
  if (systolic?.value != null && diastolic?.value != null) {
    tiles.push({
      key: 'bp',
      code: SYSTOLIC,
      name: null,
      value: `${formatNumber(systolic.value, language)}/${formatNumber(diastolic.value, language)}`,
      unit: systolic.unit,
      flag: worseFlag(systolic.flag, diastolic.flag),
      at: systolic.effectiveAt > diastolic.effectiveAt ? systolic.effectiveAt : diastolic.effectiveAt,
      observations: [systolic, diastolic],
    });
  }
  const joined = tiles.length > 0;
  for (const o of vitals) {
    if (joined && isBloodPressure(o.code)) continue;
    tiles.push({
      key: `${o.codeSystem}:${o.code}`,
      code: o.code,
      name: o.name,
      value: o.value !== null ? formatNumber(o.value, language) : (o.valueText ?? ''),
      unit: o.value !== null ? o.unit : null,
      flag: o.flag,
      at: o.effectiveAt,
      observations: [o],
    });
  }
  const rank = (tile: VitalTile) => {
    const i = VITAL_ORDER.indexOf(tile.code);
    return i === -1 ? VITAL_ORDER.length : i;
  };
  return tiles
    .map((tile, index) => ({ tile, index }))
    .sort((a, b) => rank(a.tile) - rank(b.tile) || a.index - b.index)
    .map(({ tile }) => tile);
}
