import type {
  GlucoseContext,
  Reading,
  ReadingBatchResult,
  ReadingListQuery,
  ReadingType,
} from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext } from '../../../platform/auth/actor.ts';
import type { DeviceCaller } from '../../../platform/auth/auth-hook.ts';
import type { Language } from '../../../platform/http/language.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { ingestReadings, type IngestResult } from './ingest.ts';
import { readingKeyOf, readingsRepository, type ReadingRow } from './readings.repository.ts';
import { TYPE_OF_CODE } from './reading-types.ts';

const DAY_MS = 86_400_000;

export function toBatchResult(result: IngestResult, language: Language): ReadingBatchResult {
  const zh = language === 'zh-CN';
  return {
    received: result.received,
    stored: result.stored,
    duplicates: result.duplicates,
    rejected: result.rejected,
    alerts: result.alerts.map((a) => ({
      id: a.id,
      version: a.version,
      severity: a.severity,
      status: a.status,
      message: zh ? a.messageZh : a.messageEn,
      patientAdvice: zh ? a.adviceZh : a.adviceEn,
    })),
  };
}

/** Rows of one reading (same reading key and time) folded into the Reading the apps show. */
export function toReadings(rows: readonly ReadingRow[]): Reading[] {
  const byKey = new Map<string, ReadingRow[]>();
  for (const row of rows) {
    const key = `${readingKeyOf(row.dedupe_key)}@${row.effective_at.getTime()}`;
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  const readings: Reading[] = [];
  for (const group of byKey.values()) {
    const find = (code: string) => group.find((r) => r.code === code);
    const systolic = find('8480-6');
    const diastolic = find('8462-4');
    const pulse = find('8867-4');
    const main = systolic ?? group.find((r) => TYPE_OF_CODE[r.code] !== undefined && r.code !== '8462-4');
    if (!main) continue;
    const type: ReadingType = systolic ? 'blood-pressure' : TYPE_OF_CODE[main.code]!;
    const bp = type === 'blood-pressure';
    readings.push({
      id: main.id,
      type,
      takenAt: main.effective_at.toISOString(),
      endAt: main.end_at?.toISOString() ?? null,
      systolic: systolic?.value_num ?? null,
      diastolic: diastolic?.value_num ?? null,
      pulse: bp ? (pulse?.value_num ?? null) : null,
      value: bp ? null : main.value_num,
      unit: bp ? 'mm[Hg]' : main.unit,
      context: (main.context as GlucoseContext | null) ?? null,
      source: main.source === 'lab' || main.source === 'checkup' ? 'import' : main.source,
      deviceId: main.device_id,
      flag: worstFlag(group),
    });
  }
  return readings.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
}

const FLAG_RANK = { HH: 4, LL: 4, H: 2, L: 2, A: 1, N: 0 } as const;
function worstFlag(rows: readonly ReadingRow[]): Reading['flag'] {
  let worst: Reading['flag'] = null;
  for (const r of rows) {
    if (r.flag && (worst === null || FLAG_RANK[r.flag] > FLAG_RANK[worst])) worst = r.flag;
  }
  return worst;
}

const CODES_OF_TYPE: Readonly<Record<ReadingType, readonly string[]>> = {
  'blood-pressure': ['8480-6', '8462-4', '8867-4'],
  glucose: ['15074-8'],
  weight: ['29463-7'],
  'heart-rate': ['8867-4'],
  spo2: ['59408-5'],
  steps: ['55423-8'],
  sleep: ['93832-4'],
  temperature: ['8310-5'],
};

export class ReadingsService {
  constructor(private readonly deps: AppDeps) {}

  /** Readings sent by a registered device with its token. */
  async fromDevice(device: DeviceCaller, readings: readonly unknown[], language: Language) {
    const result = await ingestReadings(this.deps, {
      orgId: device.orgId,
      patientId: device.patientId,
      deviceId: device.id,
      source: 'device',
      recordedBy: null,
      readings,
      ctx: null,
    });
    return toBatchResult(result, language);
  }

  /** Readings typed in the app: the patient's own (self-reported) or a clinician's. */
  async add(ctx: RequestContext, patientId: string, readings: readonly unknown[], language: Language) {
    const access = await requirePatientAccess(this.deps.db, ctx.actor, patientId, 'edit');
    const patient = ctx.actor.kind === 'patient';
    const result = await ingestReadings(this.deps, {
      orgId: access.orgId,
      patientId,
      deviceId: null,
      source: patient ? 'self' : 'clinician',
      scope: patient ? 'app' : 'staff',
      recordedBy: ctx.actor.accountId,
      readings,
      ctx,
    });
    return toBatchResult(result, language);
  }

  async list(ctx: RequestContext, patientId: string, query: ReadingListQuery): Promise<{ items: Reading[] }> {
    return this.deps.db.transaction().execute(async (tx) => {
      const access = await requirePatientAccess(tx, ctx.actor, patientId, 'view');
      const to = query.to ? new Date(query.to) : new Date(Date.now() + 3_600_000);
      const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
      const codes = query.type ? CODES_OF_TYPE[query.type] : undefined;
      // A BP reading is up to three rows: fetch enough rows for `limit` readings.
      const rows = await readingsRepository.rows(tx, {
        patientId,
        ...(codes ? { codes } : {}),
        from,
        to,
        limit: query.limit * 3,
      });
      let items = toReadings(rows);
      if (query.type) items = items.filter((r) => r.type === query.type);
      await recordAudit(tx, ctx, {
        action: 'monitoring.readings.list',
        resourceType: 'reading',
        patientId,
        orgId: access.orgId,
        detail: { type: query.type ?? null, count: Math.min(items.length, query.limit) },
      });
      return { items: items.slice(0, query.limit) };
    });
  }
}
