import type { ObservationCodeSummary } from '@careloop/contracts';
import { isAbnormalFlag } from './flags';
import { GLUCOSE_CODES } from './vitals';

/**
 * The curve the Trends tab opens with when the URL names none: the most recent abnormal numeric item (what the
 * clinician most likely came for), else glucose, else the numeric item with the most values.
 */
export function defaultTrendCode(codes: readonly ObservationCodeSummary[]): string | null {
  const numeric = codes.filter((c) => c.numeric);
  const abnormal = numeric
    .filter((c) => isAbnormalFlag(c.latest.flag))
    .sort((a, b) => b.latest.at.localeCompare(a.latest.at))[0];
  if (abnormal) return abnormal.code;
  for (const code of GLUCOSE_CODES) if (numeric.some((c) => c.code === code)) return code;
  const most = [...numeric].sort((a, b) => b.count - a.count)[0];
  return most?.code ?? codes[0]?.code ?? null;
}
