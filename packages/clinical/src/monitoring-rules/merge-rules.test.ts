import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITORING_RULES } from './default-monitoring-rules.ts';
import { evaluateMonitoringRules } from './evaluate-monitoring-rules.ts';
import { mergeRules, type MonitoringRuleOverride } from './merge-rules.ts';
import type { MonitoringRule, ThresholdRule } from './monitoring-rules.types.ts';

const byKey = (rules: readonly MonitoringRule[], key: string) => rules.find((r) => r.key === key);

describe('mergeRules: per-patient overrides by rule key', () => {
  it('changes a threshold and its companion, leaving the other defaults as they are', () => {
    const rules = mergeRules(DEFAULT_MONITORING_RULES, [
      { key: 'bp-home-high', value: 130, companionValue: 80 },
    ]);
    expect(byKey(rules, 'bp-home-high')).toMatchObject({
      value: 130,
      companion: { metric: 'diastolic', value: 80 },
    });
    expect(byKey(rules, 'bp-urgent')).toBe(byKey(DEFAULT_MONITORING_RULES, 'bp-urgent'));
    expect(rules.map((r) => r.key)).toEqual(DEFAULT_MONITORING_RULES.map((r) => r.key));
  });

  it('a doctor-lowered glucose limit changes what fires', () => {
    const rules = mergeRules(DEFAULT_MONITORING_RULES, [{ key: 'glucose-low', value: 4.4 }]);
    const c = evaluateMonitoringRules({
      rules,
      history: [],
      newReadings: [{ id: 'a', takenAt: '2026-03-01T08:00:00Z', values: { glucose: 4.2 } }],
      now: '2026-03-01T09:00:00Z',
    });
    expect(c.map((x) => x.ruleKey)).toEqual(['glucose-low']);
  });

  it.each<[string, MonitoringRuleOverride, Partial<MonitoringRule>]>([
    ['disable', { key: 'missing-bp', enabled: false }, { enabled: false }],
    ['severity', { key: 'glucose-high', severity: 'urgent' }, { severity: 'urgent' }],
    ['consecutive count', { key: 'bp-home-high-consecutive', count: 2 }, { count: 2 }],
    ['trend change', { key: 'bp-weekly-mean-rising', minChange: 15 }, { minChange: 15 }],
    ['rate window', { key: 'weight-gain-3-days', withinDays: 2 }, { withinDays: 2 }],
    ['missing days', { key: 'missing-glucose', days: 2 }, { days: 2 }],
  ])('%s', (_name, override, expected) => {
    expect(byKey(mergeRules(DEFAULT_MONITORING_RULES, [override]), override.key)).toMatchObject(expected);
  });

  it('adds a whole new rule for a key the defaults do not have', () => {
    const hr: ThresholdRule = {
      key: 'hr-low',
      kind: 'threshold',
      metric: 'heart-rate',
      severity: 'warning',
      comparison: 'below',
      value: 50,
      source: 'set by the patient doctor',
    };
    const rules = mergeRules(DEFAULT_MONITORING_RULES, [hr]);
    expect(rules[rules.length - 1]).toBe(hr);
  });

  it.each<[string, MonitoringRuleOverride, RegExp]>([
    ['unknown key', { key: 'nope', value: 1 }, /No monitoring rule "nope"/],
    ['field of another kind', { key: 'glucose-low', count: 2 }, /has no count/],
    ['companion on a single-metric rule', { key: 'glucose-low', companionValue: 2 }, /no companion/],
    ['not a number', { key: 'glucose-low', value: Number.NaN }, /value NaN is not valid/],
    ['count of zero', { key: 'bp-home-high-consecutive', count: 0 }, /count 0 is not valid/],
    ['fractional days', { key: 'missing-bp', days: 1.5 }, /days 1.5 is not valid/],
  ])('rejects %s', (_name, override, message) => {
    expect(() => mergeRules(DEFAULT_MONITORING_RULES, [override])).toThrow(message);
  });
});
