// Numbers, sizes, dates and "time ago" in the UI language. Pure functions (no i18next), tested in format.test.ts.

/** A measured value without float noise: 7.199999 -> "7.2", 120 -> "120"; up to 3 significant decimals. */
export function formatNumber(value: number, language = 'zh-CN'): string {
  if (!Number.isFinite(value)) return String(value);
  const decimals = Math.abs(value) >= 100 ? 1 : Math.abs(value) >= 10 ? 2 : 3;
  return new Intl.NumberFormat(language, { maximumFractionDigits: decimals, useGrouping: false }).format(
    value,
  );
}

// UCUM codes as people write them (the API keeps the codes; only the screen changes).
const UNIT_DISPLAY: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  'kg/m2': 'kg/m²',
  'umol/L': 'μmol/L',
  '10*9/L': '×10⁹/L',
  '10*12/L': '×10¹²/L',
  '10*3/uL': '×10³/μL',
  '10*6/uL': '×10⁶/μL',
  '[IU]/L': 'IU/L',
  Cel: '°C',
};

export function displayUnit(unit: string | null | undefined): string {
  if (!unit) return '';
  return UNIT_DISPLAY[unit] ?? unit;
}

/** `7.2 mmol/L`, or the text result when there is no number. */
export function formatValue(
  value: number | null,
  valueText: string | null,
  unit: string | null,
  language = 'zh-CN',
): string {
  if (value === null) return valueText ?? '';
  return unit ? `${formatNumber(value, language)} ${displayUnit(unit)}` : formatNumber(value, language);
}

/** `1.5 MB`, `320 KB`, `12 B`. */
export function formatBytes(bytes: number, language = 'zh-CN'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || size >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(size)} ${units[unit]}`;
}

/** A local calendar day `YYYY-MM-DD` of an instant (the day the person sees on their clock). */
export function localDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A plain date or an instant as a medium date (`2025年3月4日`, `Mar 4, 2025`). */
export function formatDay(isoOrDate: string | null | undefined, language: string): string {
  if (!isoOrDate) return '';
  // Plain dates are calendar days: read them at local midnight, not as UTC midnight.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDate)
    ? new Date(`${isoOrDate}T00:00:00`)
    : new Date(isoOrDate);
  if (Number.isNaN(date.getTime())) return isoOrDate;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/** Short date for chart axes (`3/4`, `2025/3`). */
export function formatAxisDate(epochMs: number, language: string, spanDays: number): string {
  const date = new Date(epochMs);
  const options: Intl.DateTimeFormatOptions =
    spanDays > 400 ? { year: 'numeric', month: 'short' } : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(language, options).format(date);
}

/** "3 天前" / "3 days ago", in the largest unit that fits. */
export function timeAgo(iso: string, language: string, now: Date = new Date()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 86400],
    ['month', 30 * 86400],
    ['week', 7 * 86400],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'minute');
}

/** An instant as the value of `<input type="datetime-local">` in local time (`2025-03-04T08:30`). */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDay(iso)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The value of `<input type="datetime-local">` as an ISO instant; null when empty or not a time. */
export function fromLocalInput(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A reference range as shown beside a value: `3.9–6.1`, `≤ 5.2`, `≥ 1.0`, or the lab's own text. */
export function formatRange(
  low: number | null,
  high: number | null,
  text: string | null,
  language = 'zh-CN',
): string {
  if (low !== null && high !== null) return `${formatNumber(low, language)}–${formatNumber(high, language)}`;
  if (high !== null) return `≤ ${formatNumber(high, language)}`;
  if (low !== null) return `≥ ${formatNumber(low, language)}`;
  return text ?? '';
}
