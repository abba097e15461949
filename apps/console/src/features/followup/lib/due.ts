/** Local midnight of a date, in the browser's time zone (the person's working day). */
function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/**
 * Calendar days from today to the due date, in the browser's time zone: 0 today, 1 tomorrow, -2 two days ago.
 * Counted on local dates, not 24-hour blocks, so a task due at 09:00 tomorrow is "tomorrow" all of today.
 */
export function daysUntil(dueAt: string, now: Date = new Date()): number | null {
  const due = new Date(dueAt);
  if (Number.isNaN(due.getTime())) return null;
  // Rounded: a day with a daylight-saving change is 23 or 25 hours long.
  return Math.round((startOfDay(due) - startOfDay(now)) / 86_400_000);
}

export type DueState =
  | { kind: 'overdue'; days: number }
  | { kind: 'today' }
  | { kind: 'tomorrow' }
  | { kind: 'later'; days: number };

/**
 * How a due date reads on the worklist. The server's `overdue` flag wins: it knows the org's time zone and the
 * exact due time, so a task due earlier today is overdue although it is "today" by the calendar.
 */
export function dueState(dueAt: string, overdue: boolean, now: Date = new Date()): DueState {
  const days = daysUntil(dueAt, now) ?? 0;
  if (overdue || days < 0) return { kind: 'overdue', days: Math.max(-days, 0) };
  if (days === 0) return { kind: 'today' };
  if (days === 1) return { kind: 'tomorrow' };
  return { kind: 'later', days };
}

/** A plain date in the UI language (2025年3月4日 / Mar 4, 2025). */
export function formatDay(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}
