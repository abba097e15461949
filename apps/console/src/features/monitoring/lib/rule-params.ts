import type { EffectiveMonitoringRule, MonitoringMetric } from '@careloop/contracts';

// How a rule's parameters are written in the rules table, in pieces the component translates.

export const METRIC_UNITS: Record<MonitoringMetric, string> = {
  systolic: 'mmHg',
  diastolic: 'mmHg',
  glucose: 'mmol/L',
  weight: 'kg',
  'heart-rate': '/min',
  spo2: '%',
};

const COMPARISON_SIGNS: Record<NonNullable<EffectiveMonitoringRule['comparison']>, string> = {
  below: '<',
  'at-or-below': '≤',
  above: '>',
  'at-or-above': '≥',
};

export function comparisonSign(comparison: EffectiveMonitoringRule['comparison']): string {
  return comparison ? COMPARISON_SIGNS[comparison] : '';
}

/** The fields of a rule a doctor may change for one patient (the override form shows only these). */
export interface RuleEditableFields {
  value: boolean;
  companionValue: boolean;
  count: boolean;
  days: boolean;
}

export function editableFields(rule: EffectiveMonitoringRule): RuleEditableFields {
  return {
    value: rule.value !== null,
    companionValue: rule.companionMetric !== null && rule.companionValue !== null,
    count: rule.count !== null,
    days: rule.days !== null,
  };
}
