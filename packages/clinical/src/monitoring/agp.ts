// Ambulatory glucose profile (AGP): glucose percentiles by time of day, the curves of the standard AGP report
// (Bergenstal et al., "Recommendations for standardizing glucose reporting and analysis to optimize clinical
// decision making in diabetes: the ambulatory glucose profile", J Diabetes Sci Technol 2013;7:562-78; its median,
// 25th-75th and 5th-95th percentile bands are kept by Battelino 2019). Readings from all days are pooled into bins
// of local time of day. Percentiles use linear interpolation between order statistics (Hyndman and Fan 1996
// definition 7, see stats.ts). Unlike vendor reports, the curves are not smoothed.
import type { GlucoseReading } from './glucose-metrics.ts';
import { DEFAULT_TIME_ZONE, localTime, type TimeZone } from './local-time.ts';
import { assertFinite, percentile, sortedAscending, toInstant } from './stats.ts';

export type AgpBinMinutes = 15 | 30 | 60;

export interface AgpBin {
  /** Start of the bin in minutes after local midnight. */
  readonly startMinute: number;
  readonly count: number;
  /** Percentiles in mmol/L; null when no reading falls in the bin. */
  readonly p5: number | null;
  readonly p25: number | null;
  readonly p50: number | null;
  readonly p75: number | null;
  readonly p95: number | null;
}

export interface AgpOptions {
  readonly timeZone?: TimeZone;
  readonly binMinutes?: AgpBinMinutes;
}

export function ambulatoryGlucoseProfile(
  readings: readonly GlucoseReading[],
  options: AgpOptions = {},
): AgpBin[] {
  const binMinutes = options.binMinutes ?? 60;
  const zone = options.timeZone ?? DEFAULT_TIME_ZONE;
  assertFinite(
    readings.map((r) => r.mmolPerL),
    'Glucose',
  );
  const bins: number[][] = Array.from({ length: 1440 / binMinutes }, () => []);
  for (const reading of readings) {
    const { minuteOfDay } = localTime(toInstant(reading.at), zone);
    bins[Math.floor(minuteOfDay / binMinutes)]?.push(reading.mmolPerL);
  }
  return bins.map((values, i) => {
    const sorted = sortedAscending(values);
    const at = (p: number): number | null => (sorted.length === 0 ? null : percentile(sorted, p));
    return {
      startMinute: i * binMinutes,
      count: sorted.length,
      p5: at(5),
      p25: at(25),
      p50: at(50),
      p75: at(75),
      p95: at(95),
    };
  });
}
