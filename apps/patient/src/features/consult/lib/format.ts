import type { TFunction } from 'i18next';

/** A wait or a span of time in words: "less than a minute", "12 min", "1 h 5 min", "3 d". */
export function spanText(t: TFunction, ms: number): string {
  const minutes = Math.floor(Math.max(ms, 0) / 60_000);
  if (minutes < 1) return t('consult.duration.lessThanMinute');
  if (minutes < 60) return t('consult.duration.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('consult.duration.hours', { hours, minutes: minutes % 60 });
  return t('consult.duration.days', { days: Math.floor(hours / 24) });
}

/** A recording's length as a clock, m:ss. */
export function clockText(t: TFunction, ms: number): string {
  const total = Math.round(Math.max(ms, 0) / 1000);
  return t('consult.duration.clock', {
    minutes: Math.floor(total / 60),
    seconds: String(total % 60).padStart(2, '0'),
  });
}

/** A length in words for screen readers and call lines: "1 min 5 s". */
export function spokenDuration(t: TFunction, seconds: number): string {
  const total = Math.max(Math.round(seconds), 0);
  return t('consult.duration.spoken', { minutes: Math.floor(total / 60), seconds: total % 60 });
}

/** Today's messages by time only; older ones with the date. */
export function messageTime(iso: string, locale: string, now = new Date()): string {
  const at = new Date(iso);
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, {
    ...(sameDay ? {} : { month: 'numeric', day: 'numeric' }),
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

export function dateTimeText(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}
