// HKCategoryTypeIdentifierSleepAnalysis records -> minutes per night and source. HealthKit's values
// (HKCategoryValueSleepAnalysis, Apple developer documentation): InBed; Asleep (before iOS 16) and, from iOS 16,
// AsleepUnspecified, AsleepCore, AsleepDeep, AsleepREM; Awake. A night runs from local noon to the next noon, so
// 23:00-07:00 counts for the evening's date. Sources are kept apart: an iPhone's InBed and a Watch's stages
// overlap, and adding them would count the same night twice.
import type { AppleHealthDevice, AppleHealthSleepReading } from './types.ts';
import { round, type AppleDate } from './values.ts';

export const SLEEP_TYPE = 'HKCategoryTypeIdentifierSleepAnalysis';
const PREFIX = 'HKCategoryValueSleepAnalysis';

export type SleepStage = 'asleep' | 'in-bed' | 'awake';

export function sleepStage(value: string | undefined): SleepStage | undefined {
  if (!value?.startsWith(PREFIX)) return undefined;
  const stage = value.slice(PREFIX.length);
  if (stage === 'InBed') return 'in-bed';
  if (stage === 'Awake') return 'awake';
  return ['Asleep', 'AsleepUnspecified', 'AsleepCore', 'AsleepDeep', 'AsleepREM'].includes(stage)
    ? 'asleep'
    : undefined;
}

interface Night {
  night: string;
  source: string;
  device?: AppleHealthDevice;
  line: number;
  start: AppleDate;
  end: AppleDate;
  asleepMs: number;
  inBedMs: number;
}

const HALF_DAY = 12 * 3_600_000;
/** Nights held open at once; exports list a type's records in time order, so few are ever open. */
const OPEN_NIGHTS = 64;

export class SleepNights {
  private readonly open = new Map<string, Night>();

  constructor(private readonly emit: (reading: AppleHealthSleepReading) => void) {}

  add(
    stage: SleepStage,
    start: AppleDate,
    end: AppleDate,
    source: string,
    device: AppleHealthDevice | undefined,
    line: number,
  ): void {
    const night = new Date(start.localMs - HALF_DAY).toISOString().slice(0, 10);
    const key = `${night}\u0000${source}`;
    let entry = this.open.get(key);
    if (!entry) {
      entry = { night, source, line, start, end, asleepMs: 0, inBedMs: 0 };
      if (device) entry.device = device;
      this.open.set(key, entry);
      if (this.open.size > OPEN_NIGHTS) this.flushOldest();
    }
    const ms = end.epochMs - start.epochMs;
    if (stage === 'asleep') entry.asleepMs += ms;
    if (stage === 'in-bed') entry.inBedMs += ms;
    if (start.epochMs < entry.start.epochMs) entry.start = start;
    if (end.epochMs > entry.end.epochMs) entry.end = end;
  }

  flush(): void {
    const nights = [...this.open.values()].sort((a, b) => a.start.epochMs - b.start.epochMs);
    this.open.clear();
    for (const night of nights) this.emitNight(night);
  }

  private flushOldest(): void {
    let oldest: [string, Night] | undefined;
    for (const item of this.open) if (!oldest || item[1].night < oldest[1].night) oldest = item;
    if (!oldest) return;
    this.open.delete(oldest[0]);
    this.emitNight(oldest[1]);
  }

  private emitNight(night: Night): void {
    const asleep = night.asleepMs > 0;
    const reading: AppleHealthSleepReading = {
      kind: 'sleep',
      loinc: '93832-4', // Sleep duration
      unit: 'min',
      night: night.night,
      value: round((asleep ? night.asleepMs : night.inBedMs) / 60_000, 1),
      basis: asleep ? 'asleep' : 'in-bed',
      inBedMinutes: round(night.inBedMs / 60_000, 1),
      at: night.start.iso,
      end: night.end.iso,
      source: night.source,
      line: night.line,
    };
    if (night.device) reading.device = night.device;
    this.emit(reading);
  }
}
