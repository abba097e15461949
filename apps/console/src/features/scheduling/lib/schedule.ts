import type { AppointmentStatus, DaySession, QueueState } from '@careloop/contracts';

/** ISO weekdays, Monday first (the contracts' 1 = Monday ... 7 = Sunday). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** An ISO weekday's message key (scheduling.weekdays.*). */
export function weekdayKey(weekday: number): (typeof WEEKDAY_KEYS)[number] {
  return WEEKDAY_KEYS[weekday - 1] ?? 'mon';
}

/** "HH:MM" as minutes after midnight; NaN for anything else. */
export function minutesOf(time: string): number {
  const match = /^(\d{2}):(\d{2})/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The slots a session from `start` to `end` is cut into: each `slotMinutes` long, the last one ending at or before
 * `end` (a remainder too short for a slot is not offered). Empty when the times do not make a session.
 */
export function slotTimes(start: string, end: string, slotMinutes: number): { start: string; end: string }[] {
  const from = minutesOf(start);
  const to = minutesOf(end);
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(slotMinutes >= 5) || from >= to) return [];
  const slots: { start: string; end: string }[] = [];
  for (let at = from; at + slotMinutes <= to; at += slotMinutes) {
    slots.push({ start: hhmm(at), end: hhmm(at + slotMinutes) });
  }
  return slots;
}

/** A day as YYYY-MM-DD in the browser's time zone (what a date input shows). */
export function localIsoDate(date: Date = new Date()): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return localIsoDate(new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
}

/** "08:30" of an instant, in the organization's time zone when known. */
export function timeOf(iso: string, language: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** A fee in fen (1/100 yuan) as money: ¥15.00. */
export function feeText(feeFen: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'CNY' }).format(feeFen / 100);
}

/**
 * Where a visit stands, in one word for the desk and the day view: the appointment's status, refined by its
 * place in the queue once checked in (called, with the doctor, skipped).
 */
export type VisitStage =
  'booked' | 'checked_in' | 'called' | 'in_consultation' | 'skipped' | 'done' | 'no_show' | 'cancelled';

export function visitStage(status: AppointmentStatus, queueState: QueueState | null): VisitStage {
  if (status === 'cancelled') return 'cancelled';
  if (status === 'no_show' || queueState === 'no_show') return 'no_show';
  if (status === 'completed' || queueState === 'done') return 'done';
  if (status === 'booked') return 'booked';
  if (queueState === 'called') return 'called';
  if (queueState === 'in_consultation') return 'in_consultation';
  if (queueState === 'skipped') return 'skipped';
  return 'checked_in';
}

/**
 * The session a queue screen opens on: the one running now, else the next to start, else the last of the day.
 * Cancelled sessions are never picked.
 */
export function currentSession<T extends Pick<DaySession, 'startsAt' | 'endsAt' | 'status'>>(
  sessions: readonly T[],
  now: Date = new Date(),
): T | null {
  const open = sessions
    .filter((s) => s.status === 'open')
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const at = now.getTime();
  return (
    open.find((s) => Date.parse(s.startsAt) <= at && at < Date.parse(s.endsAt)) ??
    open.find((s) => Date.parse(s.startsAt) > at) ??
    open.at(-1) ??
    null
  );
}

/** Digits only, for matching phone endings typed with spaces or dashes. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
