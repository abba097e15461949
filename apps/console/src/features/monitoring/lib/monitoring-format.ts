import type { Reading } from '@careloop/contracts';

// Numbers of the monitoring screens in the UI language. Pure functions (no i18next), tested beside.

function fixed(value: number, digits: number, language: string): string {
  return new Intl.NumberFormat(language, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
    useGrouping: false,
  }).format(value);
}

/** `132/84` (whole mm Hg, as people read a cuff). */
export function formatBp(systolic: number, diastolic: number, language: string): string {
  return `${fixed(systolic, 0, language)}/${fixed(diastolic, 0, language)}`;
}

/** `72%`; one decimal under 10% (1.5% below range matters, 1.49% does not). */
export function formatPercent(value: number, language: string): string {
  return `${fixed(value, Math.abs(value) < 10 && value !== 0 ? 1 : 0, language)}%`;
}

/** Glucose in mmol/L with one decimal: `7.2`. */
export function formatMmol(value: number, language: string): string {
  return fixed(value, 1, language);
}

export function formatDecimal(value: number, digits: number, language: string): string {
  return fixed(value, digits, language);
}

/** Steps per day as a whole, grouped number: `8,214`. */
export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

/** `+1.2` / `-0.4` / `0.0`: a change with its sign. */
export function formatSigned(value: number, digits: number, language: string): string {
  const rounded = Number(value.toFixed(digits));
  const text = fixed(Math.abs(rounded), digits, language);
  if (rounded === 0) return text;
  return `${rounded > 0 ? '+' : '−'}${text}`;
}

/** Minute of the day (0-1439) as `HH:MM`. */
export function minuteOfDay(minute: number): string {
  const m = ((Math.round(minute) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Canonical units of readings (contracts: glucose mmol/L, weight kg, ...), as people write them. */
const READING_UNITS: Record<Reading['type'], string> = {
  'blood-pressure': 'mmHg',
  glucose: 'mmol/L',
  weight: 'kg',
  'heart-rate': '/min',
  spo2: '%',
  steps: '',
  sleep: 'min',
  temperature: '°C',
};

/** One reading's value as shown in a list: `152/96 mmHg`, `11.2 mmol/L`, `7,500`. */
export function formatReading(reading: Reading, language: string): string {
  if (reading.type === 'blood-pressure' && reading.systolic !== null && reading.diastolic !== null) {
    return `${formatBp(reading.systolic, reading.diastolic, language)} mmHg`;
  }
  if (reading.value === null) return '';
  const unit = READING_UNITS[reading.type];
  const digits =
    reading.type === 'glucose' || reading.type === 'temperature' || reading.type === 'weight' ? 1 : 0;
  const number =
    reading.type === 'steps' ? formatCount(reading.value, language) : fixed(reading.value, digits, language);
  return unit ? `${number} ${unit}` : number;
}
