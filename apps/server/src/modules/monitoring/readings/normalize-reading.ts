// Checks one reading as sent (REST, MQTT, CSV, the app) and turns it into canonical values, or says exactly why
// it is refused. A batch is checked reading by reading: the valid ones are kept whatever the others hold.
import {
  ReadingInput,
  type GlucoseContext,
  type MonitoringMetric,
  type ReadingRejection,
  type ReadingType,
} from '@careloop/contracts';
import { QUANTITIES, VALUE_QUANTITY, toCanonical, type Quantity, type QuantityKey } from './reading-types.ts';

export interface ReadingPart {
  readonly quantity: QuantityKey;
  readonly value: number;
  readonly flag: 'N' | 'H' | 'L' | 'HH' | 'LL' | null;
}

export interface NormalizedReading {
  readonly index: number;
  readonly senderId: string;
  readonly type: ReadingType;
  readonly takenAt: Date;
  readonly endAt: Date | null;
  readonly context: GlucoseContext | null;
  readonly parts: readonly ReadingPart[];
  /** The values the monitoring rules look at (canonical units). */
  readonly values: Readonly<Partial<Record<MonitoringMetric, number>>>;
  readonly note: string | null;
}

export interface ReadingLimits {
  readonly now: Date;
  /** The patient's birth date (YYYY-MM-DD): nothing may be measured before it. */
  readonly birthDate: string | null;
}

/** Clocks of phones and meters drift: a reading up to this far ahead of the server's clock is accepted. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
const EARLIEST = Date.parse('1990-01-01T00:00:00Z');

type Result = { ok: true; reading: NormalizedReading } | { ok: false; rejection: ReadingRejection };

const refuse = (
  index: number,
  id: string | null,
  code: ReadingRejection['code'],
  field: string | null,
  message: string,
): Result => ({ ok: false, rejection: { index, id, code, field, message } });

export function normalizeReading(raw: unknown, index: number, limits: ReadingLimits): Result {
  const parsed = ReadingInput.safeParse(raw);
  const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const id = typeof rawId === 'string' && rawId.length <= 100 ? rawId : null;
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || null;
    return refuse(index, id, 'invalid', field, `${field ?? 'reading'}: ${issue?.message ?? 'invalid'}`);
  }
  const r = parsed.data;
  const takenAt = new Date(r.takenAt);
  const time = checkTime(takenAt, limits);
  if (time) return refuse(index, r.id, time.code, 'takenAt', time.message);
  const endAt = r.endAt ? new Date(r.endAt) : null;
  if (endAt && (endAt < takenAt || endAt.getTime() > limits.now.getTime() + FUTURE_TOLERANCE_MS)) {
    return refuse(index, r.id, 'invalid', 'endAt', 'endAt must lie between takenAt and now');
  }

  const parts: ReadingPart[] = [];
  const add = (key: QuantityKey, field: string, value: number | undefined, unit: string | undefined) => {
    if (value === undefined) return null;
    const q: Quantity = QUANTITIES[key];
    const canonical = toCanonical(q, value, unit);
    if (canonical === undefined) {
      return refuse(index, r.id, 'wrong-unit', 'unit', `unit "${unit ?? ''}" is not accepted for ${field}`);
    }
    if (canonical < q.min || canonical > q.max) {
      return refuse(
        index,
        r.id,
        'impossible-value',
        field,
        `${field} ${value}${unit ? ` ${unit}` : ''} is outside ${q.min}-${q.max} ${q.unit}`,
      );
    }
    parts.push({ quantity: key, value: canonical, flag: flagOf(key, canonical) });
    return null;
  };

  let failed: Result | null;
  if (r.type === 'blood-pressure') {
    if (r.systolic === undefined || r.diastolic === undefined) {
      return refuse(index, r.id, 'invalid', 'systolic', 'blood pressure needs systolic and diastolic');
    }
    failed =
      add('systolic', 'systolic', r.systolic, r.unit) ??
      add('diastolic', 'diastolic', r.diastolic, r.unit) ??
      add('pulse', 'pulse', r.pulse, undefined);
    if (failed) return failed;
    if (r.diastolic >= r.systolic) {
      return refuse(index, r.id, 'impossible-value', 'diastolic', 'diastolic must be below systolic');
    }
  } else {
    if (r.value === undefined) return refuse(index, r.id, 'invalid', 'value', `${r.type} needs a value`);
    failed = add(VALUE_QUANTITY[r.type], 'value', r.value, r.unit);
    if (failed) return failed;
  }
  if (r.context !== undefined && r.type !== 'glucose') {
    return refuse(index, r.id, 'invalid', 'context', 'context applies to glucose only');
  }
  return {
    ok: true,
    reading: {
      index,
      senderId: r.id,
      type: r.type,
      takenAt,
      endAt,
      context: r.context ?? null,
      parts,
      values: valuesOf(parts),
      note: r.note ?? null,
    },
  };
}

function checkTime(
  at: Date,
  limits: ReadingLimits,
): { code: ReadingRejection['code']; message: string } | null {
  const t = at.getTime();
  if (t > limits.now.getTime() + FUTURE_TOLERANCE_MS) {
    return { code: 'future-time', message: 'takenAt is in the future' };
  }
  if (limits.birthDate && t < Date.parse(`${limits.birthDate}T00:00:00Z`) - 86_400_000) {
    return { code: 'before-birth', message: 'takenAt is before the patient was born' };
  }
  if (t < EARLIEST) return { code: 'too-old', message: 'takenAt is before 1990' };
  return null;
}

/** The rules' metric of a stored quantity (steps, sleep and temperature have none). */
export const METRIC_OF: Partial<Record<QuantityKey, MonitoringMetric>> = {
  systolic: 'systolic',
  diastolic: 'diastolic',
  glucose: 'glucose',
  weight: 'weight',
  pulse: 'heart-rate',
  spo2: 'spo2',
};

export function valuesOf(
  parts: readonly { quantity: QuantityKey; value: number }[],
): Partial<Record<MonitoringMetric, number>> {
  const values: Partial<Record<MonitoringMetric, number>> = {};
  for (const p of parts) {
    const metric = METRIC_OF[p.quantity];
    if (metric) values[metric] = p.value;
  }
  return values;
}

/**
 * Home-reading flags: BP >= 135/85 high and >= 180/110 very high (2018 Chinese hypertension guideline, home
 * BP); glucose < 3.9 low, < 3.0 very low, > 10.0 high, > 13.9 very high (Battelino 2019 consensus ranges);
 * SpO2 < 95 low and < 90 very low.
 */
export function flagOf(key: QuantityKey, v: number): ReadingPart['flag'] {
  switch (key) {
    case 'systolic':
      return v >= 180 ? 'HH' : v >= 135 ? 'H' : v < 90 ? 'L' : 'N';
    case 'diastolic':
      return v >= 110 ? 'HH' : v >= 85 ? 'H' : v < 60 ? 'L' : 'N';
    case 'glucose':
      return v < 3.0 ? 'LL' : v < 3.9 ? 'L' : v > 13.9 ? 'HH' : v > 10.0 ? 'H' : 'N';
    case 'spo2':
      return v < 90 ? 'LL' : v < 95 ? 'L' : 'N';
    case 'pulse':
    case 'weight':
    case 'steps':
    case 'sleep':
    case 'temperature':
      return null;
  }
}
