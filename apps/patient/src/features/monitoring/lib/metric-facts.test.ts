import type { GlucoseSummary } from '@careloop/contracts';
import { describe, expect, it } from 'vitest';
import { glucoseFacts, weightFacts } from './metric-facts.ts';

function glucose(changes: Partial<GlucoseSummary> = {}): GlucoseSummary {
  return {
    readings: 100,
    days: 14,
    capturePercent: null,
    sufficient: true,
    meanMmolPerL: 7.4,
    gmiPercent: 6.5,
    cvPercent: 30,
    stable: true,
    percent: { veryLow: 1, low: 2, inRange: 75, high: 18, veryHigh: 4 },
    targets: [],
    agp: [],
    ...changes,
  };
}

describe('glucoseFacts', () => {
  it('adds up time below and above range and checks them against the contract targets', () => {
    const f = glucoseFacts(glucose());
    expect(f.inRange).toEqual({ percent: 75, target: 70, met: true });
    expect(f.below).toEqual({ percent: 3, target: 4, met: true });
    expect(f.above).toBe(22);
  });

  it('misses the targets at 70% in range and 4% below (the targets are strict)', () => {
    const f = glucoseFacts(glucose({ percent: { veryLow: 1, low: 3, inRange: 70, high: 20, veryHigh: 6 } }));
    expect(f.inRange.met).toBe(false);
    expect(f.below.met).toBe(false);
  });

  it("uses the server's targets when it sends them (older or high-risk people)", () => {
    const f = glucoseFacts(
      glucose({
        percent: { veryLow: 0, low: 0.5, inRange: 55, high: 40, veryHigh: 4.5 },
        targets: [
          { metric: 'time-in-range', comparison: 'above', target: 50, met: true },
          { metric: 'time-below-range', comparison: 'below', target: 1, met: true },
        ],
      }),
    );
    expect(f.inRange).toEqual({ percent: 55, target: 50, met: true });
    expect(f.below).toEqual({ percent: 0.5, target: 1, met: true });
  });
});

describe('weightFacts', () => {
  const base = { latestKg: 70, latestAt: '2025-03-01T07:00:00Z', kgPerWeek: null, bmi: 24.2 };

  it.each([
    [-1.2, 'down'],
    [0.8, 'up'],
    [0.3, 'steady'],
    [null, null],
  ] as const)('a change of %s kg reads as %s', (changeKg, direction) => {
    expect(weightFacts({ ...base, changeKg }).direction).toBe(direction);
  });
});
