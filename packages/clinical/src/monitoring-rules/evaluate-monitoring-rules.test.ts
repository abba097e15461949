import { describe, expect, it } from 'vitest';
import { evaluateMonitoringRules, requiredHistoryDays } from './evaluate-monitoring-rules.ts';
import type {
  ConsecutiveRule,
  MissingDataRule,
  MonitoringMetric,
  MonitoringReading,
  MonitoringRule,
  RateOfChangeRule,
  ThresholdRule,
  TrendRule,
} from './monitoring-rules.types.ts';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-03-01T08:00:00Z');
/** A reading `days` after 2026-03-01 08:00 UTC. */
const at = (
  id: string,
  days: number,
  values: Partial<Record<MonitoringMetric, number>>,
): MonitoringReading => ({
  id,
  takenAt: new Date(T0 + days * DAY).toISOString(),
  values,
});
const g = (id: string, days: number, glucose: number) => at(id, days, { glucose });
const NOW = new Date(T0 + 60 * DAY);

const LOW: ThresholdRule = {
  key: 'low',
  kind: 'threshold',
  metric: 'glucose',
  severity: 'warning',
  comparison: 'below',
  value: 3.9,
  source: 'test',
};
const run = (
  rules: MonitoringRule[],
  history: MonitoringReading[],
  newReadings: MonitoringReading[],
  now = NOW,
) => evaluateMonitoringRules({ rules, history, newReadings, now });

describe('threshold: one candidate per episode that takes in a new reading', () => {
  it.each<[string, MonitoringReading[], MonitoringReading[], string[][]]>([
    ['a new low reading', [], [g('a', 0, 3.5)], [['a']]],
    ['a new normal reading', [], [g('a', 0, 5)], []],
    ['a low episode the new reading does not touch', [g('a', 0, 3.5)], [g('b', 1, 5)], []],
    ['two new lows in one run', [], [g('a', 0, 3.5), g('b', 0.1, 3.2)], [['a', 'b']]],
    ['history low then new low: same run', [g('a', 0, 3.5)], [g('b', 1, 3.6)], [['a', 'b']]],
    ['low, normal, low: two episodes', [], [g('a', 0, 3.5), g('b', 1, 5), g('c', 2, 3.1)], [['a'], ['c']]],
    ['unsorted input is sorted by time', [g('c', 2, 3.1)], [g('b', 1, 3.0), g('a', 0, 6)], [['b', 'c']]],
  ])('%s', (_name, history, newReadings, expected) => {
    expect(run([LOW], history, newReadings).map((c) => c.readingIds)).toEqual(expected);
  });

  it('ignores readings without the metric, and new readings already in history count as new', () => {
    const bp = at('bp', 0.5, { systolic: 120 });
    const c = run([LOW], [g('a', 0, 3.5), bp, g('b', 1, 3.4)], [g('b', 1, 3.4)]);
    expect(c.map((x) => x.readingIds)).toEqual([['a', 'b']]);
  });
});

describe('episode folding: same ongoing episode, same key', () => {
  it('keeps the key across evaluations while the run lasts, and starts a new key after a normal reading', () => {
    const first = run([LOW], [], [g('a', 0, 3.5)]);
    const second = run([LOW], [g('a', 0, 3.5)], [g('b', 0.2, 3.3)]);
    const afterNormal = run([LOW], [g('a', 0, 3.5), g('b', 0.2, 3.3), g('n', 0.5, 6)], [g('c', 1, 3.2)]);
    expect(first[0]?.episodeKey).toBe('low:a');
    expect(second[0]?.episodeKey).toBe('low:a');
    expect(afterNormal[0]?.episodeKey).toBe('low:c');
  });
});

describe('consecutive: N readings in a row, reset by a reading under the limit', () => {
  const rule: ConsecutiveRule = {
    key: 'bp3',
    kind: 'consecutive',
    metric: 'systolic',
    severity: 'warning',
    comparison: 'at-or-above',
    value: 135,
    companion: { metric: 'diastolic', value: 85 },
    count: 3,
    source: 'test',
  };
  const bp = (id: string, days: number, systolic: number, diastolic: number) =>
    at(id, days, { systolic, diastolic });
  it.each<[string, MonitoringReading[], MonitoringReading, string[][]]>([
    [
      'two high then a third',
      [bp('a', 0, 140, 80), bp('b', 1, 130, 86)],
      bp('c', 2, 135, 70),
      [['a', 'b', 'c']],
    ],
    ['only two in a row', [bp('a', 0, 140, 80)], bp('b', 1, 140, 80), []],
    [
      'reset by a normal reading',
      [bp('a', 0, 140, 80), bp('b', 1, 140, 80), bp('n', 1.5, 134, 84)],
      bp('c', 2, 150, 90),
      [],
    ],
    [
      'a fourth keeps the same episode',
      [bp('a', 0, 140, 80), bp('b', 1, 140, 80), bp('c', 2, 140, 80)],
      bp('d', 3, 140, 80),
      [['a', 'b', 'c', 'd']],
    ],
    [
      'a glucose reading does not reset it',
      [bp('a', 0, 140, 80), g('x', 0.5, 5), bp('b', 1, 140, 80)],
      bp('c', 2, 140, 80),
      [['a', 'b', 'c']],
    ],
  ])('%s', (_name, history, latest, expected) => {
    const c = run([rule], history, [latest]);
    expect(c.map((x) => x.readingIds)).toEqual(expected);
    if (expected.length > 0) expect(c[0]?.episodeKey).toBe('bp3:a');
  });

  it('says how many in a row', () => {
    const [c] = run([rule], [bp('a', 0, 140, 80), bp('b', 1, 140, 80)], [bp('c', 2, 141, 79)]);
    expect(c?.message['en-US']).toBe(
      '3 readings in a row with BP at or above 135/85 mmHg (latest 141/79 mmHg)',
    );
  });
});

describe('trend: weekly mean rising against the week before', () => {
  const rule: TrendRule = {
    key: 'trend',
    kind: 'trend',
    metric: 'systolic',
    severity: 'warning',
    direction: 'rise',
    windowDays: 7,
    minChange: 10,
    minReadingsPerWindow: 3,
    source: 'test',
  };
  const week = (prefix: string, start: number, values: number[]) =>
    values.map((systolic, i) => at(`${prefix}${i}`, start + i * 2, { systolic }));
  it.each<[string, number[], number[], boolean]>([
    ['mean up exactly 10', [120, 120, 120], [125, 130, 135], true],
    ['mean up 9.67', [120, 120, 120], [125, 130, 134], false],
    ['mean falling', [140, 140, 140], [120, 120, 120], false],
    ['too few readings in the earlier week', [120, 120], [140, 140, 140], false],
  ])('%s', (_name, before, after, fires) => {
    const history = [...week('p', 0, before), ...week('c', 7.5, after.slice(0, -1))];
    const latest = at('new', 7.5 + (after.length - 1) * 2, { systolic: after[after.length - 1] ?? 0 });
    const c = run([rule], history, [latest]);
    expect(c.length).toBe(fires ? 1 : 0);
    if (fires) {
      expect(c[0]?.readingIds).toEqual(['p0', 'p1', 'p2', 'c0', 'c1', 'new']);
      expect(c[0]?.message['en-US']).toBe(
        'Mean Systolic BP over the last 7 days rose by 10 mmHg on the 7 days before (120 → 130)',
      );
    }
  });
});

describe('rate of change: weight gain within N days', () => {
  const rule: RateOfChangeRule = {
    key: 'gain',
    kind: 'rate-of-change',
    metric: 'weight',
    severity: 'warning',
    direction: 'rise',
    minChange: 2,
    withinDays: 3,
    source: 'test',
  };
  const w = (id: string, days: number, weight: number) => at(id, days, { weight });
  it.each<[string, MonitoringReading[], MonitoringReading, string[] | null]>([
    ['+2.0 kg in 3 days (decimals)', [w('a', 0, 70.1)], w('b', 3, 72.1), ['a', 'b']],
    ['+1.9 kg in 3 days', [w('a', 0, 70)], w('b', 3, 71.9), null],
    ['+2.5 kg over 3.5 days', [w('a', 0, 70)], w('b', 3.5, 72.5), null],
    ['the largest gain in the window counts', [w('a', 0, 71), w('b', 1, 70)], w('c', 2, 72.2), ['b', 'c']],
    ['a loss is not a gain', [w('a', 0, 74)], w('b', 1, 71), null],
  ])('%s', (_name, history, latest, ids) => {
    const c = run([rule], history, [latest]);
    expect(c[0]?.readingIds ?? null).toEqual(ids);
  });
});

describe('missing data: whole UTC days without a reading, for a metric on the plan', () => {
  const rule: MissingDataRule = {
    key: 'missing',
    kind: 'missing-data',
    metric: 'glucose',
    severity: 'info',
    days: 3,
    source: 'test',
  };
  const plan = { startedAt: '2026-02-01T00:00:00Z', metrics: ['glucose'] as const };
  const last = g('last', 0, 6); // Sunday 2026-03-01 08:00 UTC
  it.each<[string, string, boolean]>([
    ['Wednesday 23:59: two empty days', '2026-03-04T23:59:00Z', false],
    ['Thursday 00:00: Mon-Wed empty', '2026-03-05T00:00:00Z', true],
  ])('%s', (_name, now, fires) => {
    const c = evaluateMonitoringRules({ rules: [rule], history: [last], newReadings: [], now, plan });
    expect(c.length).toBe(fires ? 1 : 0);
    if (fires) {
      expect(c[0]).toMatchObject({ readingIds: ['last'], episodeKey: 'missing:last' });
      expect(c[0]?.message['en-US']).toBe('No Glucose reading for 3 days');
    }
  });

  it('needs a plan with the metric, and counts from the plan start when there is no reading', () => {
    const now = '2026-03-05T00:00:00Z';
    expect(evaluateMonitoringRules({ rules: [rule], history: [], newReadings: [], now })).toEqual([]);
    const bpPlan = { startedAt: plan.startedAt, metrics: ['systolic'] as const };
    expect(
      evaluateMonitoringRules({ rules: [rule], history: [], newReadings: [], now, plan: bpPlan }),
    ).toEqual([]);
    const [c] = evaluateMonitoringRules({ rules: [rule], history: [], newReadings: [], now, plan });
    expect(c).toMatchObject({ readingIds: [], episodeKey: 'missing:plan@2026-02-01T00:00:00.000Z' });
  });
});

describe('disabled rules and history window', () => {
  it('skips a disabled rule', () => {
    expect(run([{ ...LOW, enabled: false }], [], [g('a', 0, 3)])).toEqual([]);
  });

  it('asks for two trend windows of history', () => {
    const trend: TrendRule = {
      ...LOW,
      kind: 'trend',
      direction: 'rise',
      windowDays: 7,
      minChange: 10,
      minReadingsPerWindow: 3,
    };
    expect(requiredHistoryDays([LOW, trend])).toBe(14);
  });
});
