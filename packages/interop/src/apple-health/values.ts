import type { AppleHealthDevice } from './types.ts';

export interface AppleDate {
  /** ISO 8601 with the offset kept: 2019-01-27T09:15:00+08:00 */
  iso: string;
  epochMs: number;
  /** Milliseconds of the wall-clock time read as if it were UTC (for local calendar dates). */
  localMs: number;
}

// Apple Health writes dates as 'yyyy-MM-dd HH:mm:ss Z' (e.g. '2019-01-27 09:15:00 +0800', tdda/applehealthdata's
// sample and every export since iOS 8).
const APPLE_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

export function parseAppleDate(text: string | undefined): AppleDate | undefined {
  const match = APPLE_DATE.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, sign, oh, om] = match.map(String);
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offset = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
  if (hour > 23 || minute > 59 || second > 59 || Number(om) > 59 || Math.abs(offset) > 14 * 60) {
    return undefined;
  }
  const localMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(localMs);
  if (year < 1900 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return {
    iso: `${y}-${mo}-${d}T${h}:${mi}:${s}${sign}${oh}:${om}`,
    epochMs: localMs - offset * 60_000,
    localMs,
  };
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string | undefined): number | undefined {
  const trimmed = text?.trim() ?? '';
  if (!NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

export const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};

const DEVICE_FIELD = /\b(name|manufacturer|model|hardware|software):(.*?)(?=, \w+:|>\s*$)/g;

/** Apple's device attribute: `<<HKDevice: 0x3012772a0>, name:Apple Watch, manufacturer:Apple Inc., ...>`. */
export function parseDevice(text: string | undefined): AppleHealthDevice | undefined {
  if (!text) return undefined;
  const device: AppleHealthDevice = {};
  for (const match of text.matchAll(DEVICE_FIELD)) {
    const key = match[1] as keyof AppleHealthDevice;
    const value = (match[2] ?? '').trim();
    if (value !== '') device[key] = value;
  }
  return Object.keys(device).length > 0 ? device : { name: text.slice(0, 80) };
}
