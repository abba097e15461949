// Clinical rules: pure functions and tables, each citing its source (see shared/design/clinical.md).
export * from './units.ts';
export * from './analytes.ts';
export * from './reference-ranges.ts';
export * from './flags.ts';
export * from './bands.ts';
export * from './glucose.ts';
export * from './lipids.ts';
export * from './egfr.ts';
export * from './bmi.ts';
export * from './blood-pressure.ts';
export * from './follow-up-rules.ts';
export * from './icd10/index.ts';
export * from './interpretation/index.ts';
export * from './monitoring/index.ts';
export * from './monitoring-rules/index.ts';
export * from './triage/index.ts';
export * from './medication/index.ts';
