import { describe, expect, it } from 'vitest';
import { DEFAULT_MONITORING_RULES } from './default-monitoring-rules.ts';
import { evaluateMonitoringRules } from './evaluate-monitoring-rules.ts';
import type { MonitoringMetric, MonitoringReading } from './monitoring-rules.types.ts';
import { URGENT_HIGH_BP_ADVICE, URGENT_LOW_GLUCOSE_ADVICE } from './patient-advice.ts';

const NOW = '2026-03-10T12:00:00Z';
const one = (values: Partial<Record<MonitoringMetric, number>>): MonitoringReading => ({
  id: 'r1',
  takenAt: '2026-03-10T08:00:00Z',
  values,
});
/** Rule keys firing on a single new reading with the default rules. */
const fired = (values: Partial<Record<MonitoringMetric, number>>): string[] =>
  evaluateMonitoringRules({
    rules: DEFAULT_MONITORING_RULES,
    history: [],
    newReadings: [one(values)],
    now: NOW,
  })
    .map((c) => c.ruleKey)
    .sort();

describe('defaults: home BP (Chinese hypertension guideline 2018: home >= 135/85, grade 3 >= 180/110)', () => {
  it.each<[number, number, string[]]>([
    [134, 84, []],
    [135, 84, ['bp-home-high']],
    [134, 85, ['bp-home-high']],
    [179, 109, ['bp-home-high']],
    [180, 90, ['bp-urgent']], // grade 3 by systolic; the urgent alert supersedes the home-high one
    [150, 110, ['bp-urgent']], // grade 3 by diastolic
  ])('%d/%d mmHg fires %o', (systolic, diastolic, keys) => {
    expect(fired({ systolic, diastolic })).toEqual(keys);
  });

  it('tells the patient to sit, recheck in 5 minutes and seek care with symptoms when BP is urgent', () => {
    const [c] = evaluateMonitoringRules({
      rules: DEFAULT_MONITORING_RULES,
      history: [],
      newReadings: [one({ systolic: 185, diastolic: 100 })],
      now: NOW,
    });
    expect(c?.severity).toBe('urgent');
    expect(c?.patientAdvice).toBe(URGENT_HIGH_BP_ADVICE);
    expect(c?.message['en-US']).toBe('BP 185/100 mmHg is at or above 180/110 mmHg');
    expect(c?.message['zh-CN']).toBe('血压 185/100 mmHg，达到或超过 180/110 mmHg');
  });
});

describe('defaults: glucose (CDS 2020 hypoglycaemia level 1 < 3.9, level 2 < 3.0; Battelino 2019 > 13.9)', () => {
  it.each<[number, string[]]>([
    [3.9, []],
    [3.89, ['glucose-low']],
    [3.0, ['glucose-low']],
    [2.99, ['glucose-urgent-low']], // level 2 supersedes level 1 on the same reading
    [13.9, []],
    [13.91, ['glucose-high']],
  ])('%d mmol/L fires %o', (glucose, keys) => {
    expect(fired({ glucose })).toEqual(keys);
  });

  it('gives the 15-15 rule for urgent low glucose', () => {
    const [c] = evaluateMonitoringRules({
      rules: DEFAULT_MONITORING_RULES,
      history: [],
      newReadings: [one({ glucose: 2.8 })],
      now: NOW,
    });
    expect(c?.patientAdvice).toBe(URGENT_LOW_GLUCOSE_ADVICE);
    expect(c?.patientAdvice?.['en-US']).toContain('15 g');
    expect(c?.patientAdvice?.['en-US']).toContain('15 minutes');
    expect(c?.patientAdvice?.['zh-CN']).toContain('15 克');
    expect(c?.patientAdvice?.['zh-CN']).toContain('15 分钟');
  });
});

describe('defaults: SpO2 < 90% urgent (typical, org-configurable)', () => {
  it.each<[number, string[]]>([
    [90, []],
    [89, ['spo2-urgent-low']],
  ])('%d%% fires %o', (spo2, keys) => {
    expect(fired({ spo2 })).toEqual(keys);
  });
});

describe('defaults: every rule names its source and urgent rules carry patient advice', () => {
  it.each(DEFAULT_MONITORING_RULES.map((r) => [r.key, r] as const))('%s', (_key, rule) => {
    expect(rule.source.length).toBeGreaterThan(10);
    if (rule.severity === 'urgent') expect(rule.patientAdvice).toBeDefined();
  });

  it('has unique keys', () => {
    const keys = DEFAULT_MONITORING_RULES.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
