// Sources write times as they please: a date, a local date-time, or (HL7, FHIR) a date-time with an offset.
// Reports are stored as instants; what the source leaves out is filled in from the organization's time zone.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$/;
const WITH_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;

// Building a DateTimeFormat costs far more than using one: one per zone, kept.
const FORMATS = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    FORMATS.set(timeZone, format);
  }
  return format;
}

/** Minutes the zone is ahead of UTC at an instant (Asia/Shanghai: 480). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = formatFor(timeZone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant an ISO date or date-time stands for: with an offset as written, otherwise as wall-clock time in
 * `timeZone` (a plain date is that day's midnight there). Undefined when the text is not such a date.
 */
export function toInstant(text: string, timeZone: string): Date | undefined {
  // Every item of a report usually carries the same time: each distinct one is worked out once.
  const key = `${timeZone}|${text}`;
  const cached = RECENT.get(key);
  if (cached !== undefined) return cached === null ? undefined : new Date(cached);
  const instant = computeInstant(text, timeZone);
  if (RECENT.size >= 10_000) RECENT.clear();
  RECENT.set(key, instant ? instant.getTime() : null);
  return instant;
}

const RECENT = new Map<string, number | null>();

function computeInstant(text: string, timeZone: string): Date | undefined {
  const trimmed = text.trim();
  if (WITH_OFFSET.test(trimmed)) {
    const parsed = new Date(trimmed);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  const m = LOCAL.exec(trimmed);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const wall = Date.UTC(
    year,
    month - 1,
    day,
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3)),
  );
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  // Two passes settle the offset around a daylight-saving change.
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant);
}
