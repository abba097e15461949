// Local calendar date and time of day for an instant, for bucketing readings by the patient's day and clock.
// Uses Intl (pure computation, no I/O): an IANA zone such as 'Asia/Shanghai', or a fixed offset in minutes east
// of UTC (480 for China Standard Time). The default is 'Asia/Shanghai', CareLoop's hospitals being in China.

/** An IANA time zone name, or a fixed offset from UTC in minutes (east positive). */
export type TimeZone = string | number;

export const DEFAULT_TIME_ZONE: TimeZone = 'Asia/Shanghai';

export interface LocalTime {
  /** Local calendar date, YYYY-MM-DD. */
  readonly date: string;
  /** Minutes since local midnight, 0-1439. */
  readonly minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // Throws RangeError for an unknown zone name.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function localTime(at: Date, zone: TimeZone = DEFAULT_TIME_ZONE): LocalTime {
  if (typeof zone === 'number') {
    if (!Number.isFinite(zone) || Math.abs(zone) > 18 * 60) {
      throw new RangeError(`UTC offset must be within +/-18 h, got ${zone} minutes`);
    }
    const shifted = new Date(at.getTime() + zone * 60_000);
    return {
      date: `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1, 2)}-${pad(shifted.getUTCDate(), 2)}`,
      minuteOfDay: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    };
  }
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(at)) parts[part.type] = part.value;
  const field = (name: string): number => Number(parts[name] ?? Number.NaN);
  return {
    date: `${pad(field('year'), 4)}-${pad(field('month'), 2)}-${pad(field('day'), 2)}`,
    minuteOfDay: field('hour') * 60 + field('minute'),
  };
}
