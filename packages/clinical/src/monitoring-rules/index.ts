// Remote-monitoring rules: defaults with sources, per-patient overrides, and evaluation into alert candidates.
export * from './monitoring-rules.types.ts';
export * from './default-monitoring-rules.ts';
export * from './patient-advice.ts';
export * from './merge-rules.ts';
export { evaluateMonitoringRules, requiredHistoryDays } from './evaluate-monitoring-rules.ts';
