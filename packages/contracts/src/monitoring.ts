import { z } from 'zod';
import { IsoDateTime, Uuid } from './common.ts';

// Remote monitoring (远程监测): devices, readings, a patient's plan and rules, alerts and the metrics that
// summarise a patient's home readings.

export const DeviceKind = z.enum([
  'bp-monitor',
  'glucose-meter',
  'cgm',
  'scale',
  'watch',
  'pulse-oximeter',
  'thermometer',
  'other',
]);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const DeviceInput = z.strictObject({
  kind: DeviceKind,
  model: z.string().trim().min(1).max(80),
  serial: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .regex(/^[\w.:/-]+$/, 'serial_characters'),
  label: z.string().trim().max(80).optional(),
});
export type DeviceInput = z.infer<typeof DeviceInput>;

export const Device = z.object({
  id: Uuid,
  patientId: Uuid,
  kind: DeviceKind,
  model: z.string(),
  serial: z.string(),
  label: z.string().nullable(),
  status: z.enum(['active', 'revoked']),
  /** The last four characters of the token, to tell tokens apart. */
  tokenHint: z.string(),
  /** MQTT topic the device publishes readings to. */
  mqttTopic: z.string(),
  lastSeenAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
});
export type Device = z.infer<typeof Device>;

/** Answer to registering a device or rotating its token: the token is shown this once and never again. */
export const DeviceWithToken = Device.extend({ token: z.string() });
export type DeviceWithToken = z.infer<typeof DeviceWithToken>;

export const ReadingType = z.enum([
  'blood-pressure',
  'glucose',
  'weight',
  'heart-rate',
  'spo2',
  'steps',
  'sleep',
  'temperature',
]);
export type ReadingType = z.infer<typeof ReadingType>;

export const GlucoseContext = z.enum(['fasting', 'before-meal', 'after-meal', 'bedtime', 'random', 'cgm']);
export type GlucoseContext = z.infer<typeof GlucoseContext>;

/**
 * One reading as a device, the patient app or an import sends it. `id` is the sender's own id for the reading
 * (a meter's record number, a UUID the phone made): the same id and time sent again is stored once.
 * Blood pressure carries systolic and diastolic (and often pulse) in mm Hg; other types carry value + unit.
 * Units accepted: glucose mmol/L or mg/dL; weight kg, g or lb; heart-rate /min; spo2 %; steps {steps};
 * sleep min or h; temperature Cel or [degF].
 */
export const ReadingInput = z.strictObject({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[\w.:@/-]+$/, 'id_characters'),
  type: ReadingType,
  takenAt: IsoDateTime,
  /** Steps and sleep cover a period: its end. */
  endAt: IsoDateTime.optional(),
  systolic: z.number().finite().optional(),
  diastolic: z.number().finite().optional(),
  pulse: z.number().finite().optional(),
  value: z.number().finite().optional(),
  unit: z.string().max(20).optional(),
  context: GlucoseContext.optional(),
  note: z.string().max(500).optional(),
});
export type ReadingInput = z.infer<typeof ReadingInput>;

/** Up to 1,000 readings; each is checked on its own, so one bad reading does not sink the batch. */
export const ReadingBatch = z.strictObject({
  readings: z.array(z.unknown()).min(1).max(1000),
});
export type ReadingBatch = { readings: ReadingInput[] };

export const ReadingRejectionCode = z.enum([
  'invalid',
  'impossible-value',
  'wrong-unit',
  'future-time',
  'before-birth',
  'too-old',
]);
export type ReadingRejectionCode = z.infer<typeof ReadingRejectionCode>;

export const ReadingRejection = z.object({
  /** Position of the reading in the batch (0-based). */
  index: z.number().int(),
  id: z.string().nullable(),
  code: ReadingRejectionCode,
  /** The field at fault ("systolic", "unit", "takenAt"). */
  field: z.string().nullable(),
  message: z.string(),
});
export type ReadingRejection = z.infer<typeof ReadingRejection>;

export const AlertSeverity = z.enum(['info', 'warning', 'urgent']);
export type AlertSeverity = z.infer<typeof AlertSeverity>;

export const AlertStatus = z.enum(['open', 'acknowledged', 'resolved']);
export type AlertStatus = z.infer<typeof AlertStatus>;

export const AlertBrief = z.object({
  id: Uuid,
  version: z.number().int(),
  severity: AlertSeverity,
  status: AlertStatus,
  message: z.string(),
  /** What the patient should do now (urgent values), in the caller's language. */
  patientAdvice: z.string().nullable(),
});
export type AlertBrief = z.infer<typeof AlertBrief>;

export const ReadingBatchResult = z.object({
  received: z.number().int(),
  stored: z.number().int(),
  /** Readings already stored (same sender id and time): nothing was stored again. */
  duplicates: z.number().int(),
  rejected: z.array(ReadingRejection),
  /** Alerts raised or extended by these readings. */
  alerts: z.array(AlertBrief),
});
export type ReadingBatchResult = z.infer<typeof ReadingBatchResult>;

export const ReadingSource = z.enum(['device', 'self', 'clinician', 'import']);
export type ReadingSource = z.infer<typeof ReadingSource>;

export const ReadingFlag = z.enum(['N', 'H', 'L', 'HH', 'LL', 'A']);

export const Reading = z.object({
  /** The id of the reading's main observation in the record. */
  id: Uuid,
  type: ReadingType,
  takenAt: IsoDateTime,
  endAt: IsoDateTime.nullable(),
  systolic: z.number().nullable(),
  diastolic: z.number().nullable(),
  pulse: z.number().nullable(),
  /** Canonical units: glucose mmol/L, weight kg, heart-rate /min, spo2 %, steps, sleep min, temperature Cel. */
  value: z.number().nullable(),
  unit: z.string().nullable(),
  context: GlucoseContext.nullable(),
  source: ReadingSource,
  deviceId: Uuid.nullable(),
  flag: ReadingFlag.nullable(),
});
export type Reading = z.infer<typeof Reading>;

export const ReadingListQuery = z.object({
  type: ReadingType.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});
export type ReadingListQuery = z.infer<typeof ReadingListQuery>;

export const MonitoringMetric = z.enum(['systolic', 'diastolic', 'glucose', 'weight', 'heart-rate', 'spo2']);
export type MonitoringMetric = z.infer<typeof MonitoringMetric>;

/** When the patient is asked to measure: local times of day, per type. */
export const MeasurementReminder = z.strictObject({
  type: ReadingType,
  times: z
    .array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_hh_mm'))
    .min(1)
    .max(8),
});
export type MeasurementReminder = z.infer<typeof MeasurementReminder>;

export const MonitoringPlanInput = z.strictObject({
  /** Metrics the patient is expected to measure; missing-data rules watch these. */
  metrics: z.array(MonitoringMetric).max(6),
  reminders: z.array(MeasurementReminder).max(8).default([]),
  /** Glucose targets population (Battelino 2019): older/high-risk patients have looser targets. */
  glucoseTargets: z.enum(['standard', 'older-high-risk']).default('standard'),
  note: z.string().trim().max(500).optional(),
});
export type MonitoringPlanInput = z.infer<typeof MonitoringPlanInput>;

export const MonitoringPlan = z.object({
  patientId: Uuid,
  metrics: z.array(MonitoringMetric),
  reminders: z.array(MeasurementReminder),
  glucoseTargets: z.enum(['standard', 'older-high-risk']),
  note: z.string().nullable(),
  startedAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.number().int(),
});
export type MonitoringPlan = z.infer<typeof MonitoringPlan>;

export const MonitoringRuleKind = z.enum([
  'threshold',
  'consecutive',
  'trend',
  'rate-of-change',
  'missing-data',
]);

/** A rule as it applies to one patient: the default, or the default changed by the patient's doctor. */
export const EffectiveMonitoringRule = z.object({
  key: z.string(),
  kind: MonitoringRuleKind,
  metric: MonitoringMetric,
  severity: AlertSeverity,
  enabled: z.boolean(),
  /** Threshold and consecutive rules: the limit; trend and rate rules: the change. */
  value: z.number().nullable(),
  comparison: z.enum(['below', 'at-or-below', 'above', 'at-or-above']).nullable(),
  companionMetric: MonitoringMetric.nullable(),
  companionValue: z.number().nullable(),
  count: z.number().int().nullable(),
  days: z.number().nullable(),
  direction: z.enum(['rise', 'fall']).nullable(),
  source: z.string(),
  description: z.string(),
  overridden: z.boolean(),
  overriddenBy: z.string().nullable(),
  overriddenAt: IsoDateTime.nullable(),
});
export type EffectiveMonitoringRule = z.infer<typeof EffectiveMonitoringRule>;

/** A doctor's change to one rule for one patient; omitted fields keep the default. */
export const MonitoringRuleOverrideInput = z.strictObject({
  enabled: z.boolean().optional(),
  value: z.number().finite().optional(),
  companionValue: z.number().finite().optional(),
  count: z.number().int().min(2).max(20).optional(),
  days: z.number().int().min(1).max(90).optional(),
  severity: AlertSeverity.optional(),
  reason: z.string().trim().min(1).max(300),
});
export type MonitoringRuleOverrideInput = z.infer<typeof MonitoringRuleOverrideInput>;

export const AlertResolutionAction = z.enum(['message-patient', 'adjust-plan', 'book-visit', 'no-action']);
export type AlertResolutionAction = z.infer<typeof AlertResolutionAction>;

export const StaffRef = z.object({ id: Uuid, name: z.string() });

export const Alert = z.object({
  id: Uuid,
  version: z.number().int(),
  patientId: Uuid,
  patientName: z.string(),
  status: AlertStatus,
  severity: AlertSeverity,
  ruleKey: z.string(),
  kind: MonitoringRuleKind,
  metric: MonitoringMetric,
  message: z.string(),
  patientAdvice: z.string().nullable(),
  readingCount: z.number().int(),
  firstReadingAt: IsoDateTime.nullable(),
  lastReadingAt: IsoDateTime.nullable(),
  assignedTo: StaffRef.nullable(),
  /** 0 = the first person; each missed acknowledgement moves it one step (next care-team member, then on-call). */
  escalationLevel: z.number().int(),
  escalateAt: IsoDateTime.nullable(),
  acknowledgedAt: IsoDateTime.nullable(),
  acknowledgedBy: StaffRef.nullable(),
  resolvedAt: IsoDateTime.nullable(),
  resolvedBy: StaffRef.nullable(),
  resolutionNote: z.string().nullable(),
  resolutionAction: AlertResolutionAction.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Alert = z.infer<typeof Alert>;

export const AlertEventKind = z.enum([
  'created',
  'folded',
  'assigned',
  'escalated',
  'acknowledged',
  'resolved',
  'patient-notified',
]);

export const AlertEvent = z.object({
  id: Uuid,
  kind: AlertEventKind,
  at: IsoDateTime,
  actor: StaffRef.nullable(),
  detail: z.string().nullable(),
});
export type AlertEvent = z.infer<typeof AlertEvent>;

export const AlertDetail = Alert.extend({
  readings: z.array(Reading),
  events: z.array(AlertEvent),
});
export type AlertDetail = z.infer<typeof AlertDetail>;

export const AlertListQuery = z.object({
  status: z.enum(['active', 'open', 'acknowledged', 'resolved']).default('active'),
  severity: AlertSeverity.optional(),
  patientId: Uuid.optional(),
  /** Only alerts assigned to the caller. */
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type AlertListQuery = z.infer<typeof AlertListQuery>;

export const AlertResolveInput = z.strictObject({
  note: z.string().trim().min(1).max(2000),
  action: AlertResolutionAction,
  version: z.number().int().optional(),
});
export type AlertResolveInput = z.infer<typeof AlertResolveInput>;

export const AlertAssignInput = z.strictObject({ accountId: Uuid });

export const MonitoringSettings = z.object({
  /** Minutes an open alert may wait for acknowledgement before it moves to the next person. */
  escalateAfterMinutes: z.number().int().min(1).max(1440),
  /** Who receives an alert nobody on the care team acknowledged. */
  onCall: StaffRef.nullable(),
});
export type MonitoringSettings = z.infer<typeof MonitoringSettings>;

export const MonitoringSettingsInput = z.strictObject({
  escalateAfterMinutes: z.number().int().min(1).max(1440),
  onCallAccountId: Uuid.nullable(),
});
export type MonitoringSettingsInput = z.infer<typeof MonitoringSettingsInput>;

const Percent = z.number();

export const GlucoseSummary = z.object({
  readings: z.number().int(),
  days: z.number(),
  /** Share of expected CGM readings received (CGM only), percent. */
  capturePercent: z.number().nullable(),
  sufficient: z.boolean(),
  meanMmolPerL: z.number(),
  gmiPercent: z.number().nullable(),
  cvPercent: z.number().nullable(),
  stable: z.boolean().nullable(),
  percent: z.object({
    veryLow: Percent,
    low: Percent,
    inRange: Percent,
    high: Percent,
    veryHigh: Percent,
  }),
  targets: z.array(
    z.object({
      metric: z.string(),
      comparison: z.enum(['above', 'below']),
      target: z.number(),
      met: z.boolean(),
    }),
  ),
  agp: z.array(
    z.object({
      minute: z.number().int(),
      count: z.number().int(),
      p5: z.number().nullable(),
      p25: z.number().nullable(),
      p50: z.number().nullable(),
      p75: z.number().nullable(),
      p95: z.number().nullable(),
    }),
  ),
});
export type GlucoseSummary = z.infer<typeof GlucoseSummary>;

export const BpSummary = z.object({
  readings: z.number().int(),
  mean: z.object({ systolic: z.number(), diastolic: z.number() }),
  morning: z.object({ systolic: z.number(), diastolic: z.number(), readings: z.number().int() }).nullable(),
  evening: z.object({ systolic: z.number(), diastolic: z.number(), readings: z.number().int() }).nullable(),
  inTargetPercent: z.number(),
  target: z.object({ systolic: z.number(), diastolic: z.number() }),
  control: z.enum(['controlled', 'uncontrolled', 'insufficient-data']),
});
export type BpSummary = z.infer<typeof BpSummary>;

export const MonitoringSummary = z.object({
  patientId: Uuid,
  from: IsoDateTime,
  to: IsoDateTime,
  timeZone: z.string(),
  glucose: GlucoseSummary.nullable(),
  bloodPressure: BpSummary.nullable(),
  weight: z
    .object({
      latestKg: z.number(),
      latestAt: IsoDateTime,
      changeKg: z.number().nullable(),
      kgPerWeek: z.number().nullable(),
      bmi: z.number().nullable(),
    })
    .nullable(),
  restingHeartRate: z.number().nullable(),
  stepsPerDay: z.number().nullable(),
  sleepHoursPerNight: z.number().nullable(),
  spo2Mean: z.number().nullable(),
  lastReadingAt: z.partialRecord(ReadingType, IsoDateTime),
  openAlerts: z.array(AlertBrief),
  plan: MonitoringPlan.nullable(),
});
export type MonitoringSummary = z.infer<typeof MonitoringSummary>;

export const MonitoringSummaryQuery = z.object({
  days: z.coerce.number().int().min(1).max(90).default(14),
});

export const BoardStatus = z.enum(['urgent', 'warning', 'out-of-control', 'missing-data', 'stable']);
export type BoardStatus = z.infer<typeof BoardStatus>;

/** One patient on the population monitoring board, most at risk first. */
export const BoardRow = z.object({
  patientId: Uuid,
  patientName: z.string(),
  status: BoardStatus,
  urgentAlerts: z.number().int(),
  warningAlerts: z.number().int(),
  lastReadingAt: IsoDateTime.nullable(),
  daysWithoutReading: z.number().int().nullable(),
  bp: z.object({ systolic: z.number(), diastolic: z.number(), inTargetPercent: z.number() }).nullable(),
  glucose: z.object({ meanMmolPerL: z.number(), inRangePercent: z.number() }).nullable(),
  metrics: z.array(MonitoringMetric),
});
export type BoardRow = z.infer<typeof BoardRow>;

export const BoardQuery = z.object({
  status: BoardStatus.optional(),
  /** Only the caller's own patients (care team), which is the default for clinicians. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const MonitoringImportKind = z.enum(['apple-health']);

export const MonitoringImportCreate = z.strictObject({
  kind: MonitoringImportKind,
  fileName: z.string().trim().min(1).max(200),
  sizeBytes: z.number().int().positive(),
});

export const MonitoringImport = z.object({
  id: Uuid,
  patientId: Uuid,
  kind: MonitoringImportKind,
  fileName: z.string(),
  status: z.enum(['uploading', 'queued', 'running', 'done', 'failed']),
  sizeBytes: z.number().int(),
  /** Upload in parts of this many bytes: PUT .../parts/0, 1, ... then POST .../complete. */
  partSize: z.number().int(),
  partsReceived: z.number().int(),
  bytesProcessed: z.number().int(),
  stored: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  /** The first problems found, each with the line of the export. */
  problems: z.array(z.object({ line: z.number().int(), code: z.string(), message: z.string() })),
  byType: z.record(z.string(), z.number().int()),
  error: z.string().nullable(),
  createdAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});
export type MonitoringImport = z.infer<typeof MonitoringImport>;

export const CsvReadingsResult = ReadingBatchResult.extend({
  /** Rows of the file; rejections' index is the data row (0 = first row under the header). */
  rows: z.number().int(),
});
export type CsvReadingsResult = z.infer<typeof CsvReadingsResult>;
