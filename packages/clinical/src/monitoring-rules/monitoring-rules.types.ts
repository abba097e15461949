import type { LocalizedText } from '../interpretation/interpretation.types.ts';

// Types for remote-monitoring rules: what a rule watches, when it fires, and the alert candidates it produces.
// Readings carry canonical units: mm Hg (systolic, diastolic), mmol/L (glucose), kg (weight), beats/min
// (heart-rate), % (spo2). Converting device units is the caller's job (see units.ts for glucose).

export type MonitoringRuleKind = 'threshold' | 'consecutive' | 'trend' | 'rate-of-change' | 'missing-data';
export type MonitoringMetric = 'systolic' | 'diastolic' | 'glucose' | 'weight' | 'heart-rate' | 'spo2';
export type AlertSeverity = 'info' | 'warning' | 'urgent';
/** How a value is compared with a rule's limit. */
export type Comparison = 'below' | 'at-or-below' | 'above' | 'at-or-above';
export type Direction = 'rise' | 'fall';

/** zh-CN and en-US text (the interpretation module's LocalizedText). */
export type MonitoringText = LocalizedText;

/** One measurement; a home BP measurement carries systolic, diastolic and often heart-rate together. */
export interface MonitoringReading {
  readonly id: string;
  /** An instant: a Date or an ISO 8601 string with offset. Readings with an invalid time are ignored. */
  readonly takenAt: Date | string;
  readonly values: Readonly<Partial<Record<MonitoringMetric, number>>>;
}

interface RuleBase {
  /** Stable key; per-patient overrides and episode keys refer to it. */
  readonly key: string;
  readonly metric: MonitoringMetric;
  readonly severity: AlertSeverity;
  /** Defaults to true. */
  readonly enabled?: boolean;
  /** Where the numbers come from, or "org-configurable default" when they are not a guideline's. */
  readonly source: string;
  /** What the patient is told to do (urgent rules). */
  readonly patientAdvice?: MonitoringText;
  /** Rules whose candidate is dropped when this rule fires on the same new readings (urgent over warning). */
  readonly supersedes?: readonly string[];
}

/** A second metric that also meets the rule with the same comparison: home BP is high at >= 135 OR >= 85. */
export interface Companion {
  readonly metric: MonitoringMetric;
  readonly value: number;
}

export interface ThresholdRule extends RuleBase {
  readonly kind: 'threshold';
  readonly comparison: Comparison;
  readonly value: number;
  readonly companion?: Companion;
}

export interface ConsecutiveRule extends RuleBase {
  readonly kind: 'consecutive';
  readonly comparison: Comparison;
  readonly value: number;
  readonly companion?: Companion;
  /** Fires when this many readings in a row meet the limit; a reading that does not meet it resets the count. */
  readonly count: number;
}

export interface TrendRule extends RuleBase {
  readonly kind: 'trend';
  readonly direction: Direction;
  /** Mean over (t - windowDays, t] against the mean over the window before it. */
  readonly windowDays: number;
  readonly minChange: number;
  /** Both windows need at least this many readings, so one reading does not make a trend. */
  readonly minReadingsPerWindow: number;
}

export interface RateOfChangeRule extends RuleBase {
  readonly kind: 'rate-of-change';
  readonly direction: Direction;
  readonly minChange: number;
  /** The earlier reading is at most this many days (24 h) before the later one. */
  readonly withinDays: number;
}

export interface MissingDataRule extends RuleBase {
  readonly kind: 'missing-data';
  /** Fires when this many whole UTC days have passed without a reading of the metric. */
  readonly days: number;
}

export type MonitoringRule = ThresholdRule | ConsecutiveRule | TrendRule | RateOfChangeRule | MissingDataRule;

/** The monitoring plan a patient is on; missing-data rules fire only for its metrics. */
export interface MonitoringPlan {
  readonly startedAt: Date | string;
  readonly metrics: readonly MonitoringMetric[];
}

export interface EvaluateMonitoringInput {
  readonly rules: readonly MonitoringRule[];
  /** The patient's readings for the window the rules need (see requiredHistoryDays), sorted or not. */
  readonly history: readonly MonitoringReading[];
  /** Readings just received; they may also appear in history. Only episodes they take part in are reported. */
  readonly newReadings: readonly MonitoringReading[];
  readonly now: Date | string;
  readonly plan?: MonitoringPlan;
}

export interface AlertCandidate {
  readonly ruleKey: string;
  readonly kind: MonitoringRuleKind;
  readonly severity: AlertSeverity;
  readonly metric: MonitoringMetric;
  /** The readings behind the alert, oldest first. */
  readonly readingIds: readonly string[];
  /** Same ongoing episode, same key: the server folds candidates with an open alert of the same key. */
  readonly episodeKey: string;
  readonly message: MonitoringText;
  readonly patientAdvice?: MonitoringText;
}
