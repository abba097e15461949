// Dates as Chinese checkup systems write them: 2026-03-01, 2026/3/1, 2026.03.01, 2026年3月1日, 20260301,
// optionally followed by a time (08:30 or 08:30:15, also after a 'T'). Years outside 1900-2100 are refused.
import { toHalfWidth } from './text.ts';

const DATE =
  /^(\d{4})\s*(?:[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?|(\d{2})(\d{2}))(?:[\sT]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}(?:\.\d{1,6})?))?秒?)?$/;

const two = (n: number) => String(n).padStart(2, '0');

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export interface ParsedDate {
  /** YYYY-MM-DD */
  readonly date: string;
  /** YYYY-MM-DDTHH:mm:ss when a time was written, else the date. */
  readonly dateTime: string;
}

export function parseDate(text: string): ParsedDate | undefined {
  const trimmed = toHalfWidth(text).trim();
  if (trimmed.length > 40) return undefined;
  const match = DATE.exec(trimmed);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2] ?? match[4]);
  const day = Number(match[3] ?? match[5]);
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  const date = `${year}-${two(month)}-${two(day)}`;
  if (match[6] === undefined) return { date, dateTime: date };
  const hour = Number(match[6]);
  const minute = Number(match[7]);
  const secondText = match[8] ?? '0';
  const second = Number(secondText);
  if (hour > 23 || minute > 59 || second >= 60) return undefined;
  const [whole = '0', fraction] = secondText.split('.');
  const seconds = `${two(Number(whole))}${fraction ? `.${fraction}` : ''}`;
  return { date, dateTime: `${date}T${two(hour)}:${two(minute)}:${seconds}` };
}

/** An ISO date-time from HL7 or FHIR ('2026-03-01T08:30:00+08:00') reduced to its date. */
export const datePart = (iso: string): string => iso.slice(0, 10);
