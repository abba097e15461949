import { describe, expect, it } from 'vitest';
import type { AppleHealthReading } from '@careloop/interop';
import { ReadingInput } from '@careloop/contracts';
import { appleHealthReadingId, toReadingInput } from './apple-health-readings.ts';

const base = { loinc: 'x', unit: 'x', at: '2024-03-01T08:00:00+08:00', source: 'Health', line: 9 };

describe('toReadingInput', () => {
  it.each<[string, AppleHealthReading, Record<string, unknown>]>([
    [
      'blood pressure',
      { ...base, kind: 'blood-pressure', systolic: 130, diastolic: 85 },
      { type: 'blood-pressure', systolic: 130, diastolic: 85 },
    ],
    [
      'glucose after a meal',
      { ...base, kind: 'glucose', value: 7.8, mealTime: 'after-meal' },
      { type: 'glucose', value: 7.8, unit: 'mmol/L', context: 'after-meal' },
    ],
    [
      'heart rate',
      { ...base, kind: 'heart-rate', value: 61 },
      { type: 'heart-rate', value: 61, unit: '/min' },
    ],
    ['weight', { ...base, kind: 'weight', value: 70.2 }, { type: 'weight', value: 70.2, unit: 'kg' }],
    ['SpO2 (already %)', { ...base, kind: 'spo2', value: 97 }, { type: 'spo2', value: 97, unit: '%' }],
    [
      'steps over a period',
      { ...base, kind: 'steps', value: 329, end: '2024-03-01T08:05:00+08:00' },
      { type: 'steps', value: 329, unit: '{steps}', endAt: '2024-03-01T08:05:00+08:00' },
    ],
    [
      'a night of sleep',
      {
        ...base,
        kind: 'sleep',
        night: '2024-02-29',
        value: 420,
        basis: 'asleep',
        inBedMinutes: 450,
        end: '2024-03-01T15:30:00+08:00',
      },
      { type: 'sleep', value: 420, unit: 'min', endAt: '2024-03-01T15:30:00+08:00' },
    ],
    [
      'body temperature',
      { ...base, kind: 'body-temperature', value: 36.6 },
      { type: 'temperature', value: 36.6, unit: 'Cel' },
    ],
  ])('maps %s to a valid ReadingInput', (_name, reading, expected) => {
    const mapped = toReadingInput(reading);
    expect(mapped).toEqual({ reading: { id: appleHealthReadingId(reading), takenAt: base.at, ...expected } });
    if ('reading' in mapped) expect(ReadingInput.safeParse(mapped.reading).success).toBe(true);
  });

  it.each(['height', 'body-fat', 'bmi', 'respiratory-rate'] as const)('skips %s', (kind) => {
    expect(toReadingInput({ ...base, kind, value: 1 })).toEqual({ skipped: kind });
  });
});

describe('appleHealthReadingId', () => {
  it('is the same for the same record and differs when any of kind, time, source or value does', () => {
    const r: AppleHealthReading = { ...base, kind: 'heart-rate', value: 61 };
    expect(appleHealthReadingId({ ...r, line: 100 })).toBe(appleHealthReadingId(r));
    const others: AppleHealthReading[] = [
      { ...r, kind: 'weight' },
      { ...r, at: '2024-03-01T08:00:01+08:00' },
      { ...r, source: 'Watch' },
      { ...r, value: 62 },
    ];
    for (const other of others) expect(appleHealthReadingId(other)).not.toBe(appleHealthReadingId(r));
    expect(appleHealthReadingId(r)).toMatch(/^ah-[0-9a-f]{40}$/);
  });
});
