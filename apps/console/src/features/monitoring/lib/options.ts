import type {
  AlertEvent,
  AlertResolutionAction,
  AlertSeverity,
  BoardStatus,
  DeviceKind,
  EffectiveMonitoringRule,
  MonitoringMetric,
  MonitoringPlan,
  ReadingType,
} from '@careloop/contracts';
import type { AlertStatusFilter } from '../api/monitoring-api';

// The option lists the monitoring screens offer, in display order. Written as records so the compiler fails when
// the contracts add a value; the contracts' schemas stay type-only imports, which keeps zod out of the bundle.
function keysOf<K extends string>(record: Record<K, true>): readonly K[] {
  return Object.keys(record) as K[];
}

export type RuleKind = EffectiveMonitoringRule['kind'];
export type AlertEventKind = AlertEvent['kind'];
export type GlucoseTargets = MonitoringPlan['glucoseTargets'];

export const ALERT_STATUS_FILTERS = keysOf<AlertStatusFilter>({
  active: true,
  open: true,
  acknowledged: true,
  resolved: true,
});
/** Most urgent first. */
export const SEVERITIES = keysOf<AlertSeverity>({ urgent: true, warning: true, info: true });
export const RESOLUTION_ACTIONS = keysOf<AlertResolutionAction>({
  'message-patient': true,
  'adjust-plan': true,
  'book-visit': true,
  'no-action': true,
});
/** Most at risk first, as the board sorts. */
export const BOARD_STATUSES = keysOf<BoardStatus>({
  urgent: true,
  warning: true,
  'out-of-control': true,
  'missing-data': true,
  stable: true,
});
export const DEVICE_KINDS = keysOf<DeviceKind>({
  'bp-monitor': true,
  'glucose-meter': true,
  cgm: true,
  scale: true,
  watch: true,
  'pulse-oximeter': true,
  thermometer: true,
  other: true,
});
export const READING_TYPES = keysOf<ReadingType>({
  'blood-pressure': true,
  glucose: true,
  weight: true,
  'heart-rate': true,
  spo2: true,
  steps: true,
  sleep: true,
  temperature: true,
});
export const MONITORING_METRICS = keysOf<MonitoringMetric>({
  systolic: true,
  diastolic: true,
  glucose: true,
  weight: true,
  'heart-rate': true,
  spo2: true,
});
export const GLUCOSE_TARGETS = keysOf<GlucoseTargets>({ standard: true, 'older-high-risk': true });

/** The periods the patient's monitoring tab summarises, in days. */
export const PERIODS = [7, 14, 30, 90] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = 14;

export function periodOf(value: string | null): Period {
  const days = Number(value);
  return PERIODS.find((p) => p === days) ?? DEFAULT_PERIOD;
}

export function isSeverity(value: string | null): value is AlertSeverity {
  return SEVERITIES.some((s) => s === value);
}

export function isBoardStatus(value: string | null): value is BoardStatus {
  return BOARD_STATUSES.some((s) => s === value);
}

export function isAlertStatusFilter(value: string | null): value is AlertStatusFilter {
  return ALERT_STATUS_FILTERS.some((s) => s === value);
}
