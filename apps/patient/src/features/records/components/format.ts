import type { PatientProfile } from '@careloop/contracts';

/** A plain date (YYYY-MM-DD) shown in the reader's language without shifting it across time zones. */
export function formatDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatAddress(address: PatientProfile['address']): string {
  if (!address) return '';
  return [address.province, address.city, address.district, address.line, address.postalCode]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
}

/** The server masks identifiers it will not show in full (e.g. 110***********1234). */
export function isMasked(value: string | null): boolean {
  return value !== null && value.includes('*');
}

/** The day of a moment (an ISO time with offset) in the reader's time zone and language. */
export function formatDay(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' }).format(date);
}
