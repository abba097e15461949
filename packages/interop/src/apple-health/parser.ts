// Apple Health export.xml, parsed as it arrives: readings and problems are handed to callbacks as soon as each
// record is complete, so a file of hundreds of MB never sits in memory. Structure (HealthKit Export Version 3+
// DTD, in tdda/applehealthdata's sample): <HealthData> holds <ExportDate>, <Me>, then Records, Correlations,
// Workouts and ActivitySummaries. "Any Records that appear as children of a correlation also appear as
// top-level records in this document" (the DTD's own comment), so blood pressure is read from the correlation
// only and the top-level systolic and diastolic copies are skipped.
import { readBloodPressure, readPressure, readRecord, MEAL_TIME_KEY } from './records.ts';
import type { RecordOutcome } from './records.ts';
import { BLOOD_PRESSURE } from './quantities.ts';
import { SleepNights } from './sleep.ts';
import { Tokenizer, type TagEvent } from './tokenizer.ts';
import type { AppleHealthProblem, AppleHealthReading, AppleHealthSummary } from './types.ts';
import { parseAppleDate } from './values.ts';

export interface AppleHealthParserOptions {
  onReading: (reading: AppleHealthReading) => void;
  onProblem?: (problem: AppleHealthProblem) => void;
}

export interface AppleHealthParser {
  /** Feeds the next piece of decoded text; pieces may split the document anywhere. */
  push(chunk: string): void;
  /** Ends the input: reports a truncated document and hands over the nights of sleep still open. */
  end(): AppleHealthSummary;
}

const BP_CORRELATION = 'HKCorrelationTypeIdentifierBloodPressure';
const MAX_DEPTH = 32;
const MAX_SKIPPED_NAMES = 200;
const EMPTY: ReadonlyMap<string, string> = new Map();

interface PendingRecord {
  attrs: ReadonlyMap<string, string>;
  metadata: Map<string, string>;
  line: number;
}

interface PendingPressure {
  attrs: ReadonlyMap<string, string>;
  line: number;
  systolic?: number | string;
  diastolic?: number | string;
}

export function createAppleHealthParser(options: AppleHealthParserOptions): AppleHealthParser {
  const summary: AppleHealthSummary = { readings: {}, skipped: {}, problems: 0 };
  const stack: string[] = [];
  let overflow = 0;
  let sawRoot = false;
  let rootClosed = false;
  let ended = false;
  let record: PendingRecord | undefined;
  let pressure: PendingPressure | undefined;

  const reading = (item: AppleHealthReading): void => {
    summary.readings[item.kind] = (summary.readings[item.kind] ?? 0) + 1;
    options.onReading(item);
  };
  const report = (item: AppleHealthProblem): void => {
    summary.problems += 1;
    options.onProblem?.(item);
  };
  // A hostile file cannot grow the summary: at most 200 names of at most 100 characters.
  const skip = (type: string): void => {
    const name = type.slice(0, 100);
    const key =
      name in summary.skipped || Object.keys(summary.skipped).length < MAX_SKIPPED_NAMES ? name : 'other';
    summary.skipped[key] = (summary.skipped[key] ?? 0) + 1;
  };
  const sleep = new SleepNights(reading);

  const finish = (outcome: RecordOutcome): void => {
    if ('reading' in outcome) reading(outcome.reading);
    else if ('problem' in outcome) report(outcome.problem);
    else if ('skip' in outcome) skip(outcome.skip);
    else {
      const { stage, start, end, source, device, line } = outcome.sleep;
      sleep.add(stage, start, end, source, device, line);
    }
  };
  const finishRecord = (): void => {
    if (record) finish(readRecord(record.attrs, record.metadata, record.line));
    record = undefined;
  };
  const finishPressure = (): void => {
    if (!pressure) return;
    const { attrs, systolic, diastolic, line } = pressure;
    pressure = undefined;
    const outcome = readBloodPressure(attrs, systolic, diastolic, line);
    if ('reading' in outcome) reading(outcome.reading);
    else report(outcome.problem);
  };

  function topLevel(tag: TagEvent): void {
    const type = tag.attrs.get('type') ?? '';
    if (tag.name === 'Record') {
      if (type === BLOOD_PRESSURE.systolic.type || type === BLOOD_PRESSURE.diastolic.type) {
        skip(`${type} (read from its correlation)`);
      } else if (tag.selfClosing) finish(readRecord(tag.attrs, EMPTY, tag.line));
      else record = { attrs: tag.attrs, metadata: new Map(), line: tag.line };
    } else if (tag.name === 'Correlation' && type === BP_CORRELATION) {
      pressure = { attrs: tag.attrs, line: tag.line };
      if (tag.selfClosing) finishPressure();
    } else if (tag.name === 'Correlation') skip(type);
    else if (tag.name === 'ExportDate') {
      const date = parseAppleDate(tag.attrs.get('value'))?.iso;
      if (date) summary.exportDate = date;
    } else if (tag.name !== 'Me') skip(tag.name);
  }

  function nested(tag: TagEvent, parent: string): void {
    if (parent === 'Record' && record && tag.name === 'MetadataEntry') {
      const key = tag.attrs.get('key');
      const value = tag.attrs.get('value');
      if (key === MEAL_TIME_KEY && value !== undefined) record.metadata.set(key, value);
    } else if (parent === 'Correlation' && pressure && tag.name === 'Record') {
      const type = tag.attrs.get('type');
      if (type === BLOOD_PRESSURE.systolic.type) pressure.systolic ??= readPressure(tag.attrs);
      if (type === BLOOD_PRESSURE.diastolic.type) pressure.diastolic ??= readPressure(tag.attrs);
    }
  }

  function close(tag: TagEvent): void {
    if (overflow > 0) {
      overflow -= 1;
      return;
    }
    const index = stack.lastIndexOf(tag.name);
    if (index < 0) {
      report({ line: tag.line, code: 'malformed-tag', message: `</${tag.name}> closes nothing` });
      return;
    }
    while (stack.length > index) {
      const popped = stack.pop();
      if (stack.length === 1 && popped === 'Record') finishRecord();
      if (stack.length === 1 && popped === 'Correlation') finishPressure();
      if (stack.length === 0 && popped === 'HealthData') rootClosed = true;
    }
  }

  function onTag(tag: TagEvent): void {
    if (tag.closing) return close(tag);
    const depth = stack.length + overflow;
    const parent = stack[stack.length - 1];
    if (depth === 0 && tag.name === 'HealthData') sawRoot = true;
    else if (depth === 1 && parent === 'HealthData') topLevel(tag);
    else if (depth === 2 && parent !== undefined) nested(tag, parent);
    if (tag.selfClosing) return;
    if (stack.length < MAX_DEPTH) stack.push(tag.name);
    else overflow += 1;
  }

  const tokenizer = new Tokenizer({
    onTag,
    onBadTag: (line, code, excerpt) =>
      report({ line, code, message: `${code === 'tag-too-long' ? 'over 64 KB: ' : ''}<${excerpt}` }),
  });

  return {
    push(chunk: string): void {
      if (!ended) tokenizer.push(chunk);
    },
    end(): AppleHealthSummary {
      if (ended) return summary;
      ended = true;
      const line = tokenizer.currentLine;
      if (!sawRoot) {
        report({ line, code: 'not-health-data', message: 'no <HealthData> element: not an export.xml' });
      } else if (!rootClosed || tokenizer.insideMarkup) {
        finishRecord();
        if (pressure) skip('Correlation cut off by the end of the file');
        report({ line, code: 'truncated', message: 'the file ends before </HealthData>' });
      }
      sleep.flush();
      return summary;
    },
  };
}
