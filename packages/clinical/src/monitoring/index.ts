// Remote-monitoring metrics: pure summaries of device readings, each citing its source.
export * from './local-time.ts';
export * from './glucose-metrics.ts';
export * from './agp.ts';
export * from './bp-metrics.ts';
export * from './body-metrics.ts';
export * from './reading-names.ts';
