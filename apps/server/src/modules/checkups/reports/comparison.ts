// How an item of a checkup compares with the same item (same code) in the patient's previous checkup.
import type { CheckupChange, CheckupFlag } from '@careloop/contracts';

export interface ComparableItem {
  valueNum: number | null;
  flag: CheckupFlag | null;
  refLow: number | null;
  refHigh: number | null;
  unit: string | null;
}

const isAbnormal = (flag: CheckupFlag | null): boolean => flag !== null && flag !== 'N';
const severity = (flag: CheckupFlag | null): number =>
  flag === 'HH' || flag === 'LL' ? 2 : isAbnormal(flag) ? 1 : 0;

/** Changes smaller than this share of the reference interval's width (or of the value) count as unchanged. */
const TOLERANCE = 0.05;

/** How far a value lies outside [low, high]; 0 inside. */
export function distanceFromRange(value: number, low: number | null, high: number | null): number {
  if (low !== null && value < low) return low - value;
  if (high !== null && value > high) return value - high;
  return 0;
}

/**
 * - abnormal now, normal or absent before: 'new'
 * - normal now, abnormal before: 'resolved'
 * - normal both times: 'unchanged'
 * - abnormal both times: 'worse' or 'better' by the distance from the reference range (the current report's
 *   range, else the earlier one's), then by severity (critical vs. high/low) when there is no number to compare
 * Returns null when there is nothing to compare: normal now and absent before.
 */
export function compareItem(current: ComparableItem, previous: ComparableItem | null): CheckupChange | null {
  const nowAbnormal = isAbnormal(current.flag);
  if (previous === null) return nowAbnormal ? 'new' : null;
  const wasAbnormal = isAbnormal(previous.flag);
  if (!nowAbnormal) return wasAbnormal ? 'resolved' : 'unchanged';
  if (!wasAbnormal) return 'new';

  const low = current.refLow ?? previous.refLow;
  const high = current.refHigh ?? previous.refHigh;
  const comparableUnits = current.unit === previous.unit || current.unit === null || previous.unit === null;
  if (
    comparableUnits &&
    current.valueNum !== null &&
    previous.valueNum !== null &&
    (low !== null || high !== null)
  ) {
    const now = distanceFromRange(current.valueNum, low, high);
    const before = distanceFromRange(previous.valueNum, low, high);
    const scale = low !== null && high !== null && high > low ? high - low : Math.abs(previous.valueNum) || 1;
    if (Math.abs(now - before) > TOLERANCE * scale) return now > before ? 'worse' : 'better';
    return 'unchanged';
  }
  const bySeverity = severity(current.flag) - severity(previous.flag);
  if (bySeverity !== 0) return bySeverity > 0 ? 'worse' : 'better';
  return 'unchanged';
}
