// A patient's home readings summarised with the metrics of packages/clinical: glucose (mean, GMI, CV, time in
// ranges, AGP), blood pressure (means, morning/evening, in target, control), weight trend and BMI, resting heart
// rate, steps and sleep; with the open alerts and the plan.
import {
  ambulatoryGlucoseProfile,
  bpMetrics,
  dailyStepsMean,
  glucoseMetrics,
  latestBmi,
  restingHeartRate,
  sleepHoursMean,
  weightTrend,
} from '@careloop/clinical';
import type { MonitoringSummary, Reading, ReadingType } from '@careloop/contracts';
import { sql } from 'kysely';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { Language } from '../../../platform/http/language.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { readingsRepository } from '../readings/readings.repository.ts';
import { toReadings } from '../readings/readings.service.ts';
import { loadPlan } from '../rules/plan-rules.service.ts';

const DAY_MS = 86_400_000;
/** How long after its latest reading an urgent alert's advice is shown to the patient. */
const ADVICE_FRESH_MS = 2 * 3_600_000;
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

export class SummaryService {
  constructor(private readonly deps: AppDeps) {}

  async summary(ctx: RequestContext, patientId: string, days: number, language: Language) {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const to = new Date();
      const from = new Date(to.getTime() - days * DAY_MS);
      const org = await tx
        .selectFrom('orgs')
        .select('time_zone')
        .where('id', '=', access.orgId)
        .executeTakeFirst();
      const timeZone = org?.time_zone ?? 'Asia/Shanghai';
      const readings = toReadings(await readingsRepository.rows(tx, { patientId, from, to }));
      const plan = await loadPlan(tx, patientId);
      const height = await sql<{ value_num: number; unit: string | null }>`
        SELECT value_num, unit FROM observations
         WHERE patient_id = ${patientId} AND code = '8302-2' AND value_num IS NOT NULL
           AND status <> 'entered_in_error'
         ORDER BY effective_at DESC LIMIT 1`.execute(tx);
      const last = await tx
        .selectFrom('monitoring_status')
        .select('last_by_type')
        .where('patient_id', '=', patientId)
        .executeTakeFirst();
      const alerts = await tx
        .selectFrom('alerts')
        .select([
          'id',
          'version',
          'severity',
          'status',
          'message_zh',
          'message_en',
          'advice_zh',
          'advice_en',
          'last_reading_at',
        ])
        .where('patient_id', '=', patientId)
        .where('status', '<>', 'resolved')
        .orderBy('created_at', 'desc')
        .limit(20)
        .execute();
      await recordAudit(tx, ctx, {
        action: 'monitoring.summary.read',
        resourceType: 'reading',
        patientId,
        orgId: access.orgId,
        detail: { days, readings: readings.length },
      });
      const zh = language === 'zh-CN';
      const result: MonitoringSummary = {
        patientId,
        from: from.toISOString(),
        to: to.toISOString(),
        timeZone,
        glucose: glucoseSummary(readings, timeZone, plan?.glucoseTargets ?? 'standard'),
        bloodPressure: bpSummary(readings, timeZone),
        weight: weightSummary(readings, height.rows[0]?.value_num ?? null),
        restingHeartRate: restingHr(readings),
        stepsPerDay: steps(readings, timeZone),
        sleepHoursPerNight: sleep(readings, timeZone),
        spo2Mean: meanOf(readings.filter((r) => r.type === 'spo2').map((r) => r.value ?? 0)),
        lastReadingAt: (last?.last_by_type ?? {}) as Partial<Record<ReadingType, string>>,
        openAlerts: alerts.map((a) => ({
          id: a.id,
          version: a.version,
          severity: a.severity,
          status: a.status,
          message: zh ? a.message_zh : a.message_en,
          // "Take 15 g of sugar now" is advice for the moment: it is not repeated hours after the reading.
          patientAdvice:
            a.last_reading_at && a.last_reading_at.getTime() > to.getTime() - ADVICE_FRESH_MS
              ? ((zh ? a.advice_zh : a.advice_en) ?? null)
              : null,
        })),
        plan,
      };
      return result;
    });
  }
}

function meanOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return round(values.reduce((a, b) => a + b, 0) / values.length);
}

function glucoseSummary(
  readings: readonly Reading[],
  timeZone: string,
  population: 'standard' | 'older-high-risk',
): MonitoringSummary['glucose'] {
  const glucose = readings
    .filter((r) => r.type === 'glucose' && r.value !== null)
    .map((r) => ({ at: r.takenAt, mmolPerL: r.value! }));
  const m = glucoseMetrics(glucose, { population });
  if (!m) return null;
  const cgm = m.sufficiency.cgmSpaced;
  return {
    readings: m.count,
    days: round(m.sufficiency.days),
    capturePercent: cgm ? round(m.sufficiency.capturePercent) : null,
    sufficient: m.sufficiency.sufficient,
    meanMmolPerL: round(m.meanMmolPerL),
    gmiPercent: round(m.gmiPercent),
    cvPercent: m.count > 1 ? round(m.cvPercent) : null,
    stable: m.count > 1 ? m.stable : null,
    percent: {
      veryLow: round(m.percent.veryLow),
      low: round(m.percent.low),
      inRange: round(m.percent.inRange),
      high: round(m.percent.high),
      veryHigh: round(m.percent.veryHigh),
    },
    targets: m.targets.map((t) => ({
      metric: t.metric,
      comparison: t.comparator === '>' ? 'above' : 'below',
      target: t.limitPercent,
      met: t.met,
    })),
    agp: ambulatoryGlucoseProfile(glucose, { timeZone, binMinutes: 60 }).map((b) => ({
      minute: b.startMinute,
      count: b.count,
      p5: b.p5,
      p25: b.p25,
      p50: b.p50,
      p75: b.p75,
      p95: b.p95,
    })),
  };
}

function bpSummary(readings: readonly Reading[], timeZone: string): MonitoringSummary['bloodPressure'] {
  const bp = readings
    .filter((r) => r.type === 'blood-pressure' && r.systolic !== null && r.diastolic !== null)
    .map((r) => ({ at: r.takenAt, systolic: r.systolic!, diastolic: r.diastolic! }));
  if (bp.length === 0) return null;
  const m = bpMetrics(bp, { timeZone });
  const means = (x: { systolic: number; diastolic: number; count: number } | null) =>
    x ? { systolic: round(x.systolic, 0), diastolic: round(x.diastolic, 0), readings: x.count } : null;
  return {
    readings: m.count,
    mean: { systolic: round(m.all!.systolic, 0), diastolic: round(m.all!.diastolic, 0) },
    morning: means(m.morning),
    evening: means(m.evening),
    inTargetPercent: round(m.percentInTarget ?? 0, 0),
    target: m.target,
    control: m.status,
  };
}

function weightSummary(readings: readonly Reading[], heightCm: number | null): MonitoringSummary['weight'] {
  const weights = readings
    .filter((r) => r.type === 'weight' && r.value !== null)
    .map((r) => ({ at: r.takenAt, kg: r.value! }));
  if (weights.length === 0) return null;
  const sorted = [...weights].sort((a, b) => (a.at < b.at ? -1 : 1));
  const latest = sorted.at(-1)!;
  const trend = weightTrend(weights);
  const bmi = heightCm ? latestBmi(weights, heightCm) : null;
  return {
    latestKg: latest.kg,
    latestAt: latest.at,
    changeKg: sorted.length > 1 ? round(latest.kg - sorted[0]!.kg) : null,
    kgPerWeek: trend ? round(trend.kgPerWeek, 2) : null,
    bmi: bmi ? round(bmi.bmi) : null,
  };
}

function restingHr(readings: readonly Reading[]): number | null {
  // The pulse of home BP readings is taken seated after rest (the measuring protocol), so it counts as resting.
  const pulses = readings
    .filter((r) => r.type === 'blood-pressure' && r.pulse !== null)
    .map((r) => ({ at: r.takenAt, bpm: r.pulse!, resting: true }));
  const hr = restingHeartRate(pulses);
  return hr ? round(hr.bpm, 0) : null;
}

function steps(readings: readonly Reading[], timeZone: string): number | null {
  const samples = readings
    .filter((r) => r.type === 'steps' && r.value !== null)
    .map((r) => ({ at: r.takenAt, steps: r.value! }));
  const m = dailyStepsMean(samples, timeZone);
  return m ? round(m.meanSteps, 0) : null;
}

function sleep(readings: readonly Reading[], timeZone: string): number | null {
  const sessions = readings
    .filter((r) => r.type === 'sleep' && r.value !== null)
    .map((r) => ({
      start: r.takenAt,
      end: new Date(new Date(r.takenAt).getTime() + r.value! * 60_000).toISOString(),
    }));
  const m = sleepHoursMean(sessions, timeZone);
  return m ? round(m.meanHours) : null;
}
