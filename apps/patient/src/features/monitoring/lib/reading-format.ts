import type { ReadingInput, ReadingType } from '@careloop/contracts';

/** What a value needs to be written down: a stored reading or one still waiting on the phone. */
export interface ReadingValues {
  type: ReadingType;
  systolic?: number | null;
  diastolic?: number | null;
  pulse?: number | null;
  value?: number | null;
  unit?: string | null;
}

/** Words the reader's language gives some units. */
export interface UnitWords {
  perMinute: string;
  steps: string;
  /** "7 h 30 min" / "7小时30分" */
  duration: (hours: number, minutes: number) => string;
}

// UCUM units as people write them.
const SHOWN: Record<string, string> = {
  'mm[Hg]': 'mmHg',
  Cel: '°C',
  '[degF]': '°F',
  '[lb_av]': 'lb',
  '{steps}': '',
};

export function unitText(unit: string | null | undefined, words: Pick<UnitWords, 'perMinute'>): string {
  if (!unit) return '';
  if (unit === '/min') return words.perMinute;
  return SHOWN[unit] ?? unit;
}

function number(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

function withUnit(text: string, unit: string): string {
  if (!unit) return text;
  return unit === '%' || unit.startsWith('°') ? `${text}${unit}` : `${text} ${unit}`;
}

/** The canonical unit a stored reading of each type carries when the answer names none. */
const CANONICAL: Record<ReadingType, string> = {
  'blood-pressure': 'mm[Hg]',
  glucose: 'mmol/L',
  weight: 'kg',
  'heart-rate': '/min',
  spo2: '%',
  steps: '{steps}',
  sleep: 'min',
  temperature: 'Cel',
};

/** A reading's value as one short text: `128/82 mmHg`, `6.2 mmol/L`, `97%`, `7 h 30 min`, `8,012 steps`. */
export function formatReadingValue(r: ReadingValues, locale: string, words: UnitWords): string {
  if (r.type === 'blood-pressure') {
    if (r.systolic == null || r.diastolic == null) return '—';
    return `${number(r.systolic, locale, 0)}/${number(r.diastolic, locale, 0)} mmHg`;
  }
  if (r.value == null) return '—';
  const unit = r.unit ?? CANONICAL[r.type];
  if (r.type === 'sleep') {
    const minutes = Math.round(unit === 'h' ? r.value * 60 : r.value);
    return words.duration(Math.floor(minutes / 60), minutes % 60);
  }
  if (r.type === 'steps') return `${number(r.value, locale, 0)} ${words.steps}`;
  return withUnit(number(r.value, locale, unit === 'mg/dL' ? 0 : 1), unitText(unit, words));
}

/** The pulse measured with a blood pressure, when there is one. */
export function formatPulse(r: ReadingValues, locale: string, words: UnitWords): string | null {
  if (r.type !== 'blood-pressure' || r.pulse == null) return null;
  return `${number(r.pulse, locale, 0)} ${words.perMinute}`;
}

/** A reading still on the phone, in the shape the list shows. */
export function valuesOfInput(input: ReadingInput): ReadingValues {
  return {
    type: input.type,
    systolic: input.systolic ?? null,
    diastolic: input.diastolic ?? null,
    pulse: input.pulse ?? null,
    value: input.value ?? null,
    unit: input.unit ?? null,
  };
}

export function formatTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(date);
}
