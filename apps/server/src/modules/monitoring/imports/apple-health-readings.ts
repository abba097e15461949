// Apple Health readings (as packages/interop parses them) -> the ReadingInput every other sender uses, so an
// export is checked and stored exactly like a device's readings. Pure: no I/O.
import { createHash } from 'node:crypto';
import type { AppleHealthReading } from '@careloop/interop';
import type { ReadingInput } from '@careloop/contracts';

/** Kinds the parser reads that CareLoop does not monitor at home: counted, not stored. */
export type SkippedAppleHealthKind = 'height' | 'body-fat' | 'bmi' | 'respiratory-rate';

export type MappedReading = { reading: ReadingInput } | { skipped: SkippedAppleHealthKind };

/**
 * The reading's id: a hash of what the record says (kind, times, source app, value), so importing the same export
 * again, or a later export that repeats older records, gives the same ids and stores nothing twice.
 */
export function appleHealthReadingId(r: AppleHealthReading): string {
  const value = r.kind === 'blood-pressure' ? `${r.systolic}/${r.diastolic}` : String(r.value);
  const text = [r.kind, r.at, r.end ?? '', r.source, value].join('\u0000');
  return `ah-${createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 40)}`;
}

export function toReadingInput(r: AppleHealthReading): MappedReading {
  const id = appleHealthReadingId(r);
  switch (r.kind) {
    case 'blood-pressure':
      return {
        reading: { id, type: 'blood-pressure', takenAt: r.at, systolic: r.systolic, diastolic: r.diastolic },
      };
    case 'sleep':
      // Minutes asleep (or in bed) of one night, from the night's first record to its last.
      return {
        reading: { id, type: 'sleep', takenAt: r.at, ...endOf(r), value: r.value, unit: 'min' },
      };
    case 'glucose':
      // The parser already gives mmol/L whatever the export's unit (mg/dL or Apple's molar unit).
      return {
        reading: {
          id,
          type: 'glucose',
          takenAt: r.at,
          value: r.value,
          unit: 'mmol/L',
          ...(r.mealTime ? { context: r.mealTime } : {}),
        },
      };
    case 'heart-rate':
      return { reading: { id, type: 'heart-rate', takenAt: r.at, value: r.value, unit: '/min' } };
    case 'weight':
      return { reading: { id, type: 'weight', takenAt: r.at, value: r.value, unit: 'kg' } };
    case 'spo2':
      // HealthKit writes a fraction (0.97); the parser has already made it a percentage (97).
      return { reading: { id, type: 'spo2', takenAt: r.at, value: r.value, unit: '%' } };
    case 'steps':
      return {
        reading: { id, type: 'steps', takenAt: r.at, ...endOf(r), value: r.value, unit: '{steps}' },
      };
    case 'body-temperature':
      return { reading: { id, type: 'temperature', takenAt: r.at, value: r.value, unit: 'Cel' } };
    case 'height':
    case 'body-fat':
    case 'bmi':
    case 'respiratory-rate':
      return { skipped: r.kind };
  }
}

/** A period's end, only when it is later than its start (a point in time has none). */
function endOf(r: AppleHealthReading): { endAt?: string } {
  return r.end && Date.parse(r.end) > Date.parse(r.at) ? { endAt: r.end } : {};
}
