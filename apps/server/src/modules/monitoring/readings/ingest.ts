// The one way readings get in, whatever carried them (REST batch, MQTT, CSV, Apple Health, the app): each reading
// is checked on its own, the valid ones are stored as observations, and the monitoring rules run on them in the
// same transaction, so a reading the sender was told is stored can never lose its alert. Realtime pushes go out
// after the commit.
import {
  evaluateMonitoringRules,
  requiredHistoryDays,
  type AlertCandidate,
  type MonitoringMetric,
  type MonitoringReading,
  type MonitoringRule,
} from '@careloop/clinical';
import type { ReadingRejection, ReadingType } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import { uuidv7 } from '../../../platform/db/ids.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import {
  loadPatientFactsMany,
  storeObservationsMany,
  type NewObservation,
  type StoredObservation,
} from '../../records/index.ts';
import { normalizeReading, type NormalizedReading } from './normalize-reading.ts';
import { QUANTITIES } from './reading-types.ts';
import { readingsRepository, toMonitoringReadings } from './readings.repository.ts';
import { loadPatientRules } from '../rules/patient-rules.ts';
import { raiseAlerts, type Push, type RaisedAlert } from '../alerts/raise-alerts.ts';
import { careChain, resolveMissingData, type CandidateToStore } from '../alerts/alerts.repository.ts';
import { refreshMonitoringStatus } from '../board/monitoring-status.repository.ts';
import { AppError } from '../../../platform/errors/app-error.ts';

/** Observation codes a rule metric is read from (a BP reading's pulse is heart rate too). */
const CODES_OF_METRIC: Readonly<Record<MonitoringMetric, readonly string[]>> = {
  systolic: ['8480-6', '8462-4'],
  diastolic: ['8480-6', '8462-4'],
  glucose: ['15074-8'],
  weight: ['29463-7'],
  'heart-rate': ['8867-4'],
  spo2: ['59408-5'],
};

/** Readings taken longer ago than this are stored but raise no alert (a device catching up, an import of history). */
export const ALERT_WINDOW_MS = 72 * 3_600_000;

export type ReadingSourceKind = 'device' | 'self' | 'clinician' | 'import';

export interface IngestRequest {
  orgId: string;
  patientId: string;
  /** The registered device that sent the readings. */
  deviceId: string | null;
  source: ReadingSourceKind;
  /** Names the sender's id space for de-duplication when there is no device ('app', 'csv', 'apple-health'). */
  scope?: string;
  recordedBy: string | null;
  readings: readonly unknown[];
  /** Signed-in caller, for the audit entry; null for devices (the device id goes into the entry). */
  ctx: RequestContext | null;
  receivedAt?: Date;
}

export interface IngestResult {
  received: number;
  stored: number;
  duplicates: number;
  rejected: ReadingRejection[];
  alerts: RaisedAlert[];
  storedByType: Partial<Record<ReadingType, number>>;
}

export async function ingestReadings(deps: AppDeps, req: IngestRequest): Promise<IngestResult> {
  const receivedAt = req.receivedAt ?? new Date();
  const { result, pushes } = await deps.db
    .transaction()
    .execute((tx) => ingestInTransaction(tx, deps, req, receivedAt));
  for (const p of pushes) deps.realtime.publish(p.namespace, p.target, p.event);
  return result;
}

export async function ingestInTransaction(
  tx: Executor,
  deps: AppDeps,
  req: IngestRequest,
  receivedAt: Date,
): Promise<{ result: IngestResult; pushes: Push[] }> {
  const facts = await loadPatientFactsMany(tx, req.orgId, [req.patientId]);
  const patient = facts.get(req.patientId);
  if (!patient) throw new AppError('PATIENT_NOT_FOUND');

  const rejected: ReadingRejection[] = [];
  const accepted: NormalizedReading[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  req.readings.forEach((raw, index) => {
    const outcome = normalizeReading(raw, index, { now: receivedAt, birthDate: patient.birthDate });
    if (!outcome.ok) {
      rejected.push(outcome.rejection);
      return;
    }
    const key = `${outcome.reading.senderId}@${outcome.reading.takenAt.getTime()}`;
    if (seen.has(key)) duplicates++;
    else {
      seen.add(key);
      accepted.push(outcome.reading);
    }
  });

  const scope = req.deviceId ?? req.scope ?? req.source;
  const rows: NewObservation[] = [];
  // Each row's id names its reading: the stored rows come back as ids, no keys to rebuild.
  const readingOfRow = new Map<string, NormalizedReading>();
  for (const r of accepted) {
    for (const part of r.parts) {
      const q = QUANTITIES[part.quantity];
      const id = uuidv7();
      readingOfRow.set(id, r);
      rows.push({
        id,
        codeSystem: 'loinc',
        code: q.loinc,
        name: q.nameEn,
        valueNum: part.value,
        valueText: null,
        unit: q.unit,
        flag: part.flag,
        effectiveAt: r.takenAt,
        source: req.source,
        deviceId: req.deviceId,
        dedupeKey: `rd:${scope}:${r.senderId}#${q.loinc}`,
        note: r.note,
        context: r.context,
        endAt: r.endAt,
      });
    }
  }
  const stored =
    rows.length === 0
      ? []
      : ((
          await storeObservationsMany(tx, deps, {
            orgId: req.orgId,
            groups: [{ patientId: req.patientId, rows }],
            recordedBy: req.recordedBy,
            followUp: false,
            facts,
          })
        ).get(req.patientId) ?? []);

  const byReading = groupStored(stored, readingOfRow);
  duplicates += accepted.length - byReading.size;
  const storedByType: Partial<Record<ReadingType, number>> = {};
  const lastByType: Record<string, string> = {};
  const metrics = new Set<string>();
  for (const { reading } of byReading.values()) {
    storedByType[reading.type] = (storedByType[reading.type] ?? 0) + 1;
    const at = reading.takenAt.toISOString();
    if ((lastByType[reading.type] ?? '') < at) lastByType[reading.type] = at;
    for (const m of Object.keys(reading.values)) metrics.add(m);
  }

  const pushes: Push[] = [];
  let alerts: RaisedAlert[] = [];
  if (byReading.size > 0) {
    const raised = await evaluateAndRaise(tx, req, byReading, receivedAt);
    alerts = raised.raised;
    pushes.push(...raised.pushes);
    const resumed = await resolveMissingData(tx, req.patientId, [...metrics]);
    await refreshMonitoringStatus(tx, {
      orgId: req.orgId,
      patientId: req.patientId,
      lastByType,
      recompute:
        storedByType['blood-pressure'] !== undefined || storedByType.glucose !== undefined
          ? 'if-stale'
          : false,
    });
    if (req.deviceId) {
      await tx
        .updateTable('devices')
        .set({ last_seen_at: receivedAt })
        .where('id', '=', req.deviceId)
        .execute();
    }
    const team = await careChain(tx, req.patientId);
    const latest = Object.values(lastByType).sort().at(-1) ?? receivedAt.toISOString();
    if (team.length > 0) {
      pushes.push({
        namespace: 'console',
        target: { accountIds: team },
        event: {
          type: 'monitoring.readings.stored',
          patientId: req.patientId,
          count: byReading.size,
          types: Object.keys(storedByType) as ReadingType[],
          latestAt: latest,
          at: new Date().toISOString(),
        },
      });
    }
    for (const r of resumed) {
      pushes.push({
        namespace: 'console',
        target: { accountIds: team },
        event: {
          type: 'alerts.alert.updated',
          id: r.id,
          version: r.version,
          patientId: req.patientId,
          severity: r.severity,
          status: 'resolved',
          at: new Date().toISOString(),
        },
      });
    }
  }

  await recordAudit(tx, req.ctx, {
    action: 'monitoring.readings.create',
    resourceType: 'reading',
    patientId: req.patientId,
    orgId: req.orgId,
    detail: {
      source: req.source,
      deviceId: req.deviceId,
      received: req.readings.length,
      stored: byReading.size,
      duplicates,
      rejected: rejected.length,
      alerts: alerts.length,
    },
  });
  return {
    result: {
      received: req.readings.length,
      stored: byReading.size,
      duplicates,
      rejected,
      alerts,
      storedByType,
    },
    pushes,
  };
}

const SYSTOLIC_CODE = '8480-6';
const DIASTOLIC_CODE = '8462-4';

/** Newly stored rows by reading, found through the rows' ids. */
function groupStored(
  stored: readonly StoredObservation[],
  readingOfRow: ReadonlyMap<string, NormalizedReading>,
): Map<NormalizedReading, { reading: NormalizedReading; rows: StoredObservation[] }> {
  const out = new Map<NormalizedReading, { reading: NormalizedReading; rows: StoredObservation[] }>();
  for (const row of stored) {
    const reading = readingOfRow.get(row.id);
    if (!reading) continue;
    const entry = out.get(reading);
    if (entry) entry.rows.push(row);
    else out.set(reading, { reading, rows: [row] });
  }
  return out;
}

async function evaluateAndRaise(
  tx: Executor,
  req: IngestRequest,
  byReading: ReadonlyMap<NormalizedReading, { reading: NormalizedReading; rows: StoredObservation[] }>,
  receivedAt: Date,
): Promise<{ raised: RaisedAlert[]; pushes: Push[] }> {
  const horizon = receivedAt.getTime() - ALERT_WINDOW_MS;
  const fresh = [...byReading.values()].filter(
    (e) => e.reading.takenAt.getTime() >= horizon && Object.keys(e.reading.values).length > 0,
  );
  if (fresh.length === 0) return { raised: [], pushes: [] };
  // Only the rules that watch what this batch measured, and only the history those rules need: a glucose
  // batch reads a day of glucose (its rules are limits), a BP batch two weeks of BP (the weekly trend).
  const measured = new Set(fresh.flatMap((e) => Object.keys(e.reading.values)));
  const rules = (await loadPatientRules(tx, req.patientId)).filter(
    (r) =>
      r.kind !== 'missing-data' &&
      (measured.has(r.metric) ||
        ('companion' in r && r.companion !== undefined && measured.has(r.companion.metric))),
  );
  if (rules.length === 0) return { raised: [], pushes: [] };
  // The batch's readings are known already (normalized, with their stored rows): no regrouping of rows.
  const newReadings: MonitoringReading[] = [];
  for (const e of fresh) {
    const main =
      e.rows.find((o) => o.code === SYSTOLIC_CODE) ?? e.rows.find((o) => o.code !== DIASTOLIC_CODE);
    if (main) newReadings.push({ id: main.id, takenAt: e.reading.takenAt, values: e.reading.values });
  }
  const times = fresh.map((e) => e.reading.takenAt.getTime());
  const days = requiredHistoryDays(rules);
  const metrics = new Set(
    rules.flatMap((r) => [r.metric, ...('companion' in r && r.companion ? [r.companion.metric] : [])]),
  );
  const history = await readingsRepository.forRules(tx, {
    patientId: req.patientId,
    codes: [...metrics].flatMap((m) => CODES_OF_METRIC[m]),
    from: new Date(Math.min(...times) - days * 86_400_000),
    to: new Date(Math.max(...times)),
  });
  const historyReadings: MonitoringReading[] = toMonitoringReadings(history);
  const candidates = foldSuperseded(
    rules,
    evaluateMonitoringRules({
      rules,
      history: historyReadings,
      newReadings,
      now: receivedAt,
    }),
  );
  if (candidates.length === 0) return { raised: [], pushes: [] };
  const timeOf = new Map<string, number>();
  for (const r of [...historyReadings, ...newReadings]) timeOf.set(r.id, new Date(r.takenAt).getTime());
  const items: CandidateToStore[] = candidates.map((candidate) => {
    const ts = candidate.readingIds.map((id) => timeOf.get(id)).filter((t): t is number => t !== undefined);
    return {
      candidate,
      firstReadingAt: ts.length ? new Date(Math.min(...ts)) : null,
      lastReadingAt: ts.length ? new Date(Math.max(...ts)) : null,
    };
  });
  return raiseAlerts(tx, { orgId: req.orgId, patientId: req.patientId, items, receivedAt });
}

/**
 * One episode, one alert: a candidate is dropped when a rule that supersedes it (urgent low over low, three high
 * readings in a row over one) fires on any of the same readings, even when its own run is longer.
 */
export function foldSuperseded(
  rules: readonly MonitoringRule[],
  candidates: readonly AlertCandidate[],
): AlertCandidate[] {
  const supersedes = new Map(rules.map((r) => [r.key, r.supersedes ?? []]));
  return candidates.filter(
    (c) =>
      !candidates.some(
        (other) =>
          other !== c &&
          (supersedes.get(other.ruleKey) ?? []).includes(c.ruleKey) &&
          other.readingIds.some((id) => c.readingIds.includes(id)),
      ),
  );
}
