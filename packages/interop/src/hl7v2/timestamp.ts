// HL7 v2 TS/DTM: YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ] (HL7 v2.5 chapter 2A.77, 2A.22).
const TS = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\.\d{1,4})?([+-]\d{4})?$/;

/**
 * An HL7 timestamp as ISO 8601: date-only values stay dates ('2002-01-01'), times keep their own offset
 * ('2002-01-01T12:00:00+08:00') and have none when the sender gave none. `undefined` when not a valid time.
 */
export function hl7TimestampToIso(value: string | null | undefined): string | undefined {
  const match = value ? TS.exec(value.trim()) : null;
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  if (!year) return undefined;
  if (month !== undefined && !inRange(month, 1, 12)) return undefined;
  if (day !== undefined && !inRange(day, 1, daysInMonth(Number(year), Number(month)))) return undefined;
  if (!month) return year;
  if (!day) return `${year}-${month}`;
  if (!hour) return `${year}-${month}-${day}`;
  if (!inRange(hour, 0, 23) || !inRange(minute ?? '00', 0, 59) || !inRange(second ?? '00', 0, 59))
    return undefined;
  const zone = offset ? `${offset.slice(0, 3)}:${offset.slice(3)}` : '';
  if (offset && (!inRange(offset.slice(1, 3), 0, 14) || !inRange(offset.slice(3), 0, 59))) return undefined;
  return `${year}-${month}-${day}T${hour}:${minute ?? '00'}:${second ?? '00'}${fraction ?? ''}${zone}`;
}

/** A moment as an HL7 TS in UTC, to the second: 20240301093000+0000. */
export function formatHl7Timestamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    String(at.getUTCFullYear()).padStart(4, '0') +
    two(at.getUTCMonth() + 1) +
    two(at.getUTCDate()) +
    two(at.getUTCHours()) +
    two(at.getUTCMinutes()) +
    two(at.getUTCSeconds()) +
    '+0000'
  );
}

function inRange(digits: string, min: number, max: number): boolean {
  const n = Number(digits);
  return n >= min && n <= max;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
