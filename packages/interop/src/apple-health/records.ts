// One <Record> (or a blood-pressure <Correlation>) -> a reading or a problem naming what is wrong.
import { BLOOD_PRESSURE, converterFor, QUANTITY_RULES, toRuleUnits } from './quantities.ts';
import { SLEEP_TYPE, sleepStage, type SleepStage } from './sleep.ts';
import type {
  AppleHealthBloodPressureReading,
  AppleHealthDevice,
  AppleHealthProblem,
  AppleHealthProblemCode,
  AppleHealthQuantityReading,
} from './types.ts';
import { parseAppleDate, parseDevice, parseNumber, type AppleDate } from './values.ts';

type Attrs = ReadonlyMap<string, string>;

export type RecordOutcome =
  | { reading: AppleHealthQuantityReading }
  | {
      sleep: {
        stage: SleepStage;
        start: AppleDate;
        end: AppleDate;
        source: string;
        device: AppleHealthDevice | undefined;
        line: number;
      };
    }
  | { problem: AppleHealthProblem }
  | { skip: string };

const problem = (
  line: number,
  code: AppleHealthProblemCode,
  message: string,
  type?: string,
): { problem: AppleHealthProblem } => ({
  problem: type === undefined ? { line, code, message } : { line, code, message, type: type.slice(0, 100) },
});

const shown = (text: string | undefined): string =>
  text === undefined ? 'nothing' : `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;

interface Times {
  start: AppleDate;
  end: AppleDate;
}

function times(attrs: Attrs, line: number, type: string): Times | { problem: AppleHealthProblem } {
  const start = parseAppleDate(attrs.get('startDate'));
  if (!start) return problem(line, 'bad-date', `startDate ${shown(attrs.get('startDate'))}`, type);
  const end = parseAppleDate(attrs.get('endDate') ?? attrs.get('startDate'));
  if (!end) return problem(line, 'bad-date', `endDate ${shown(attrs.get('endDate'))}`, type);
  if (end.epochMs < start.epochMs) return problem(line, 'bad-date', 'endDate before startDate', type);
  return { start, end };
}

// HKMetadataKeyBloodGlucoseMealTime: 1 = preprandial, 2 = postprandial (HKBloodGlucoseMealTime).
const MEAL_TIME = { '1': 'before-meal', '2': 'after-meal' } as const;
export const MEAL_TIME_KEY = 'HKMetadataKeyBloodGlucoseMealTime';

export function readRecord(attrs: Attrs, metadata: Attrs, line: number): RecordOutcome {
  const type = attrs.get('type');
  if (type === undefined) return problem(line, 'missing-field', 'Record without a type');
  if (type === SLEEP_TYPE) {
    const stage = sleepStage(attrs.get('value'));
    if (!stage) return problem(line, 'impossible-value', `sleep value ${shown(attrs.get('value'))}`, type);
    const span = times(attrs, line, type);
    if ('problem' in span) return span;
    if (span.end.epochMs - span.start.epochMs > 24 * 3_600_000) {
      return problem(line, 'impossible-value', 'a sleep record longer than 24 hours', type);
    }
    const source = attrs.get('sourceName') ?? '';
    const device = parseDevice(attrs.get('device'));
    return { sleep: { stage, ...span, source, device, line } };
  }
  const rule = QUANTITY_RULES[type];
  if (!rule) return { skip: type };
  const unit = attrs.get('unit') ?? '';
  const convert = converterFor(type, rule, unit);
  if (!convert) return problem(line, 'unknown-unit', `unit ${shown(attrs.get('unit'))}`, type);
  const raw = parseNumber(attrs.get('value'));
  if (raw === undefined) return problem(line, 'bad-number', `value ${shown(attrs.get('value'))}`, type);
  const value = toRuleUnits(rule, convert(raw));
  if (!(value >= rule.min && value <= rule.max)) {
    return problem(
      line,
      'impossible-value',
      `${value} ${rule.unit} is outside ${rule.min}-${rule.max}`,
      type,
    );
  }
  const span = times(attrs, line, type);
  if ('problem' in span) return span;
  const reading: AppleHealthQuantityReading = {
    kind: rule.kind,
    loinc: rule.loinc,
    value,
    unit: rule.unit,
    at: span.start.iso,
    source: attrs.get('sourceName') ?? '',
    line,
  };
  if (span.end.epochMs !== span.start.epochMs) reading.end = span.end.iso;
  const device = parseDevice(attrs.get('device'));
  if (device) reading.device = device;
  const mealTime = metadata.get(MEAL_TIME_KEY);
  if (rule.kind === 'glucose' && (mealTime === '1' || mealTime === '2')) {
    reading.mealTime = MEAL_TIME[mealTime];
  }
  return { reading };
}

/** A systolic or diastolic <Record> inside the correlation: its value in mmHg, or why it has none. */
export function readPressure(attrs: Attrs): number | string {
  if (attrs.get('unit') !== 'mmHg') return `unit ${shown(attrs.get('unit'))}`;
  return parseNumber(attrs.get('value')) ?? `value ${shown(attrs.get('value'))}`;
}

export function readBloodPressure(
  attrs: Attrs,
  systolic: number | string | undefined,
  diastolic: number | string | undefined,
  line: number,
): { reading: AppleHealthBloodPressureReading } | { problem: AppleHealthProblem } {
  const type = attrs.get('type');
  if (systolic === undefined || diastolic === undefined) {
    return problem(line, 'incomplete-blood-pressure', 'a systolic and a diastolic are needed', type);
  }
  if (typeof systolic === 'string' || typeof diastolic === 'string') {
    const reason = typeof systolic === 'string' ? systolic : String(diastolic);
    return problem(line, reason.startsWith('unit') ? 'unknown-unit' : 'bad-number', reason, type);
  }
  const { systolic: sbp, diastolic: dbp } = BLOOD_PRESSURE;
  if (systolic < sbp.min || systolic > sbp.max || diastolic < dbp.min || diastolic > dbp.max) {
    return problem(line, 'impossible-value', `${systolic}/${diastolic} mmHg`, type);
  }
  if (systolic <= diastolic) {
    return problem(line, 'impossible-value', `systolic ${systolic} <= diastolic ${diastolic}`, type);
  }
  const span = times(attrs, line, type ?? '');
  if ('problem' in span) return span;
  const reading: AppleHealthBloodPressureReading = {
    kind: 'blood-pressure',
    loinc: BLOOD_PRESSURE.loinc,
    unit: BLOOD_PRESSURE.unit,
    systolic,
    diastolic,
    at: span.start.iso,
    source: attrs.get('sourceName') ?? '',
    line,
  };
  if (span.end.epochMs !== span.start.epochMs) reading.end = span.end.iso;
  const device = parseDevice(attrs.get('device'));
  if (device) reading.device = device;
  return { reading };
}
