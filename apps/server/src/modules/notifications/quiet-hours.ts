// Quiet hours: a daily window in a person's time zone during which non-urgent deliveries wait for its end.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(value: string): boolean {
  try {
    formatter(value);
    return true;
  } catch {
    return false;
  }
}

/** Seconds since local midnight of `at` in `timeZone`. */
export function localSecondOfDay(at: Date, timeZone: string): number {
  let h = 0;
  let m = 0;
  let s = 0;
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type === 'hour') h = Number(part.value);
    else if (part.type === 'minute') m = Number(part.value);
    else if (part.type === 'second') s = Number(part.value);
  }
  return h * 3600 + m * 60 + s;
}

/** 'HH:MM' or 'HH:MM:SS' to seconds after midnight. */
export function clockSeconds(clock: string): number {
  const [h = '0', m = '0', s = '0'] = clock.split(':');
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

export interface QuietWindow {
  start: string;
  end: string;
  timeZone: string;
}

const DAY = 86_400;

/**
 * When a delivery may go out: `now` outside the window, otherwise the window's end (the next time the local clock
 * shows `end`). A window whose start is after its end runs over midnight (22:00-07:00).
 */
export function releaseTime(now: Date, quiet: QuietWindow | null): Date {
  if (!quiet) return now;
  const start = clockSeconds(quiet.start);
  const end = clockSeconds(quiet.end);
  if (start === end) return now;
  const local = localSecondOfDay(now, quiet.timeZone);
  const inside = start < end ? local >= start && local < end : local >= start || local < end;
  if (!inside) return now;
  const wait = (end - local + DAY) % DAY;
  const whole = Math.floor(now.getTime() / 1000) * 1000;
  let release = new Date(whole + wait * 1000);
  // A daylight-saving change inside the wait moves the wall clock; correct once so the release shows `end`.
  const drift = localSecondOfDay(release, quiet.timeZone) - end;
  if (drift !== 0 && Math.abs(drift) <= 7200) release = new Date(release.getTime() - drift * 1000);
  return release;
}
