// Evaluates a patient's monitoring rules against their readings and returns alert candidates.
// An episode is a run of readings (in time order) where a rule's condition holds; a reading where it does not
// hold ends the run. The episode key is the rule key plus the run's first reading, so every evaluation that sees
// the same ongoing run returns the same key and the server folds the duplicates into one alert. The history must
// reach back to the run's start for the key to stay stable; requiredHistoryDays() gives the minimum window.
import { alertMessage } from './alert-messages.ts';
import {
  DAY_MS,
  limitStates,
  rateStates,
  trendStates,
  valueOf,
  type Point,
  type PointState,
} from './reading-states.ts';
import type {
  AlertCandidate,
  EvaluateMonitoringInput,
  MissingDataRule,
  MonitoringPlan,
  MonitoringReading,
  MonitoringRule,
} from './monitoring-rules.types.ts';

const toMs = (t: Date | string): number => (t instanceof Date ? t.getTime() : Date.parse(t));

/** History readings merged with new ones (by id, new wins), invalid times dropped, oldest first. */
function toPoints(history: readonly MonitoringReading[], newReadings: readonly MonitoringReading[]): Point[] {
  const byId = new Map<string, Point>();
  for (const r of history) byId.set(r.id, { id: r.id, t: toMs(r.takenAt), values: r.values, isNew: false });
  for (const r of newReadings)
    byId.set(r.id, { id: r.id, t: toMs(r.takenAt), values: r.values, isNew: true });
  return [...byId.values()]
    .filter((p) => Number.isFinite(p.t))
    .sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

interface Found {
  readonly candidate: AlertCandidate;
  /** New readings the candidate rests on; a superseding rule must cover them all to drop it. */
  readonly newIds: readonly string[];
}

export function evaluateMonitoringRules(input: EvaluateMonitoringInput): AlertCandidate[] {
  const points = toPoints(input.history, input.newReadings);
  const found: Found[] = [];
  for (const rule of input.rules) {
    if (rule.enabled === false) continue;
    if (rule.kind === 'missing-data') {
      const c = missingData(rule, points, toMs(input.now), input.plan);
      if (c) found.push({ candidate: c, newIds: [] });
      continue;
    }
    found.push(...episodes(rule, statesOf(rule, points), rule.kind === 'consecutive' ? rule.count : 1));
  }
  return dropSuperseded(input.rules, found);
}

function statesOf(rule: Exclude<MonitoringRule, MissingDataRule>, points: readonly Point[]): PointState[] {
  switch (rule.kind) {
    case 'threshold':
    case 'consecutive':
      return limitStates(rule, points);
    case 'trend':
      return trendStates(rule, points);
    case 'rate-of-change':
      return rateStates(rule, points);
  }
}

/** One candidate per run that holds for at least minRun readings and takes in at least one new reading. */
function episodes(rule: MonitoringRule, states: readonly PointState[], minRun: number): Found[] {
  const out: Found[] = [];
  let run: PointState[] = [];
  const close = (): void => {
    const first = run[0];
    const newStates = run.filter((s) => s.point.isNew);
    const latestNew = newStates[newStates.length - 1];
    if (first !== undefined && latestNew !== undefined && run.length >= minRun) {
      const ids = [...new Set(run.flatMap((s) => s.evidence))];
      const candidate: AlertCandidate = {
        ruleKey: rule.key,
        kind: rule.kind,
        severity: rule.severity,
        metric: rule.metric,
        readingIds: ids,
        episodeKey: `${rule.key}:${first.point.id}`,
        message: alertMessage(rule, latestNew.detail, run.length),
        ...(rule.patientAdvice ? { patientAdvice: rule.patientAdvice } : {}),
      };
      out.push({ candidate, newIds: newStates.map((s) => s.point.id) });
    }
    run = [];
  };
  for (const s of states) {
    if (s.holds) run.push(s);
    else close();
  }
  close();
  return out;
}

const utcDay = (ms: number): number => Math.floor(ms / DAY_MS);

/** Whole UTC days with no reading of the metric, counted from the last reading or the plan's start. */
function missingData(
  rule: MissingDataRule,
  points: readonly Point[],
  now: number,
  plan: MonitoringPlan | undefined,
): AlertCandidate | undefined {
  if (plan === undefined || !plan.metrics.includes(rule.metric) || !Number.isFinite(now)) return undefined;
  const planStart = toMs(plan.startedAt);
  let last: Point | undefined;
  for (const p of points) if (p.t <= now && valueOf(p, rule.metric) !== undefined) last = p;
  const useLast = last !== undefined && (!Number.isFinite(planStart) || last.t >= planStart);
  const from = useLast && last ? last.t : planStart;
  if (!Number.isFinite(from)) return undefined;
  const emptyDays = utcDay(now) - utcDay(from) - 1;
  if (emptyDays < rule.days) return undefined;
  return {
    ruleKey: rule.key,
    kind: rule.kind,
    severity: rule.severity,
    metric: rule.metric,
    readingIds: useLast && last ? [last.id] : [],
    episodeKey: `${rule.key}:${useLast && last ? last.id : `plan@${new Date(from).toISOString()}`}`,
    message: alertMessage(rule, { type: 'value' }, emptyDays),
    ...(rule.patientAdvice ? { patientAdvice: rule.patientAdvice } : {}),
  };
}

/** Drops a candidate when a firing rule that supersedes it covers all of its new readings (urgent over low). */
function dropSuperseded(rules: readonly MonitoringRule[], found: readonly Found[]): AlertCandidate[] {
  const supersedes = new Map(rules.map((r) => [r.key, r.supersedes ?? []]));
  return found
    .filter(
      (f) =>
        !found.some(
          (g) =>
            g !== f &&
            g.newIds.length > 0 &&
            (supersedes.get(g.candidate.ruleKey) ?? []).includes(f.candidate.ruleKey) &&
            f.newIds.every((id) => g.newIds.includes(id)),
        ),
    )
    .map((f) => f.candidate);
}

/** Days of history the rules need: a trend compares two windows, a rate looks back withinDays. */
export function requiredHistoryDays(rules: readonly MonitoringRule[]): number {
  let days = 1;
  for (const r of rules) {
    if (r.kind === 'trend') days = Math.max(days, 2 * r.windowDays);
    if (r.kind === 'rate-of-change') days = Math.max(days, r.withinDays);
    if (r.kind === 'missing-data') days = Math.max(days, r.days + 1);
  }
  return days;
}
