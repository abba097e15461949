import type { Reading } from '@careloop/contracts';
import type { ChartLine } from '../lib/monitoring-chart-options.ts';

/** The lines each chart draws from its readings, given the names in the reader's language. */
export function bpLines(names: { systolic: string; diastolic: string }) {
  return (readings: readonly Reading[]): ChartLine[] => {
    const bp = readings.filter((r) => r.systolic !== null && r.diastolic !== null);
    return [
      { name: names.systolic, points: bp.map((r) => ({ at: r.takenAt, value: r.systolic ?? 0 })) },
      { name: names.diastolic, points: bp.map((r) => ({ at: r.takenAt, value: r.diastolic ?? 0 })) },
    ];
  };
}

export function valueLine(name: string) {
  return (readings: readonly Reading[]): ChartLine[] => [
    {
      name,
      points: readings.filter((r) => r.value !== null).map((r) => ({ at: r.takenAt, value: r.value ?? 0 })),
    },
  ];
}
