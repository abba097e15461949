import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITORING_RULES } from './default-monitoring-rules.ts';
import { evaluateMonitoringRules } from './evaluate-monitoring-rules.ts';
import type { MonitoringMetric, MonitoringReading } from './monitoring-rules.types.ts';

const METRICS: readonly MonitoringMetric[] = [
  'systolic',
  'diastolic',
  'glucose',
  'weight',
  'heart-rate',
  'spo2',
];
const T0 = Date.parse('2026-03-01T00:00:00Z');

const value = fc.oneof(
  fc.double({ min: -50, max: 400 }),
  fc.constantFrom(3.0, 3.9, 13.9, 85, 90, 135, 180, 110, Number.NaN, Number.POSITIVE_INFINITY),
);
const reading: fc.Arbitrary<MonitoringReading> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 3 }),
  takenAt: fc.oneof(
    fc.integer({ min: 0, max: 30 * 24 * 60 }).map((m) => new Date(T0 + m * 60_000).toISOString()),
    fc.constantFrom('not a date', ''),
  ),
  values: fc.dictionary(fc.constantFrom(...METRICS), value, { maxKeys: 3 }),
});

describe('evaluateMonitoringRules on random readings', () => {
  it('never throws, and every candidate names readings that exist and one episode per rule', () => {
    fc.assert(
      fc.property(
        fc.array(reading, { maxLength: 30 }),
        fc.array(reading, { maxLength: 5 }),
        fc.integer({ min: 0, max: 40 }),
        (history, newReadings, nowDay) => {
          const ids = new Set([...history, ...newReadings].map((r) => r.id));
          const candidates = evaluateMonitoringRules({
            rules: DEFAULT_MONITORING_RULES,
            history,
            newReadings,
            now: new Date(T0 + nowDay * 24 * 60 * 60 * 1000),
            plan: { startedAt: new Date(T0).toISOString(), metrics: METRICS },
          });
          for (const c of candidates) {
            for (const id of c.readingIds) expect(ids.has(id)).toBe(true);
            expect(c.episodeKey.startsWith(`${c.ruleKey}:`)).toBe(true);
            if (c.kind !== 'missing-data') expect(c.readingIds.length).toBeGreaterThan(0);
          }
          const episodes = candidates.map((c) => c.episodeKey);
          expect(new Set(episodes).size).toBe(episodes.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
