// The population monitoring board: the caller's monitored patients (care team), most at risk first: open urgent
// alerts, then warnings, then out of control over the last 14 days (home BP mean >= 135/85, or glucose time in
// range < 70%), then missing data (a patient on a plan with no reading for 3 days), then stable.
import { sql } from 'kysely';
import type { BoardRow, BoardStatus } from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { RequestContext, StaffActor } from '../../../platform/auth/actor.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';

const STATUSES: readonly BoardStatus[] = ['urgent', 'warning', 'out-of-control', 'missing-data', 'stable'];
const MISSING_DAYS = 3;

interface Row {
  patient_id: string;
  name: string;
  status: BoardStatus;
  urgent: number;
  warning: number;
  last_reading_at: Date | null;
  bp_readings: number | null;
  bp_systolic_mean: number | null;
  bp_diastolic_mean: number | null;
  bp_in_target_percent: number | null;
  glucose_readings: number | null;
  glucose_mean: number | null;
  glucose_in_range_percent: number | null;
  metrics: string[] | null;
}

function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8').replace(/^o:/, ''));
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'query.cursor', message: 'invalid_cursor' }],
    });
  }
  return n;
}

export class BoardService {
  constructor(private readonly deps: AppDeps) {}

  async board(
    ctx: RequestContext & { actor: StaffActor },
    query: { status?: BoardStatus | undefined; limit: number; cursor?: string | undefined },
  ) {
    const offset = decodeOffset(query.cursor);
    const me = ctx.actor.accountId;
    return this.deps.db.transaction().execute(async (tx) => {
      const base = sql`
        WITH mine AS (
          SELECT p.id AS patient_id, p.name, s.last_reading_at, s.bp_readings, s.bp_systolic_mean,
                 s.bp_diastolic_mean, s.bp_in_target_percent, s.glucose_readings, s.glucose_mean,
                 s.glucose_in_range_percent, mp.metrics,
                 (SELECT count(*) FROM alerts a WHERE a.patient_id = p.id AND a.status <> 'resolved'
                     AND a.severity = 'urgent')::int AS urgent,
                 (SELECT count(*) FROM alerts a WHERE a.patient_id = p.id AND a.status <> 'resolved'
                     AND a.severity = 'warning')::int AS warning
            FROM care_team c
            JOIN patients p ON p.id = c.patient_id AND p.deleted_at IS NULL AND p.org_id = ${ctx.actor.orgId}
            LEFT JOIN monitoring_status s ON s.patient_id = p.id
            LEFT JOIN monitoring_plans mp ON mp.patient_id = p.id
           WHERE c.staff_account_id = ${me} AND c.removed_at IS NULL
             AND (s.patient_id IS NOT NULL OR mp.patient_id IS NOT NULL)),
        rated AS (
          SELECT *, CASE
              WHEN urgent > 0 THEN 'urgent'
              WHEN warning > 0 THEN 'warning'
              WHEN (bp_readings >= 3 AND (bp_systolic_mean >= 135 OR bp_diastolic_mean >= 85))
                OR (glucose_readings >= 3 AND glucose_in_range_percent < 70) THEN 'out-of-control'
              WHEN cardinality(coalesce(metrics, '{}')) > 0
                AND (last_reading_at IS NULL OR last_reading_at < now() - make_interval(days => ${MISSING_DAYS}))
                THEN 'missing-data'
              ELSE 'stable' END AS status
            FROM mine)`;
      const rows = await sql<Row>`
        ${base}
        SELECT * FROM rated
         ${query.status ? sql`WHERE status = ${query.status}` : sql``}
         ORDER BY array_position(${[...STATUSES]}::text[], status), urgent DESC, warning DESC,
                  bp_systolic_mean DESC NULLS LAST, last_reading_at ASC NULLS FIRST, patient_id
         LIMIT ${query.limit + 1} OFFSET ${offset}`.execute(tx);
      const counts = await sql<{ status: BoardStatus; n: number }>`
        ${base} SELECT status, count(*)::int AS n FROM rated GROUP BY status`.execute(tx);
      const page = rows.rows.slice(0, query.limit);
      await recordAudit(tx, ctx, {
        action: 'monitoring.board.read',
        resourceType: 'monitoring_status',
        detail: { count: page.length, status: query.status ?? null },
      });
      const now = Date.now();
      return {
        items: page.map((r): BoardRow => ({
          patientId: r.patient_id,
          patientName: r.name,
          status: r.status,
          urgentAlerts: r.urgent,
          warningAlerts: r.warning,
          lastReadingAt: r.last_reading_at?.toISOString() ?? null,
          daysWithoutReading: r.last_reading_at
            ? Math.floor((now - r.last_reading_at.getTime()) / 86_400_000)
            : null,
          bp:
            r.bp_readings && r.bp_systolic_mean !== null && r.bp_diastolic_mean !== null
              ? {
                  systolic: Math.round(r.bp_systolic_mean),
                  diastolic: Math.round(r.bp_diastolic_mean),
                  inTargetPercent: Math.round(r.bp_in_target_percent ?? 0),
                }
              : null,
          glucose:
            r.glucose_readings && r.glucose_mean !== null
              ? {
                  meanMmolPerL: Math.round(r.glucose_mean * 10) / 10,
                  inRangePercent: Math.round(r.glucose_in_range_percent ?? 0),
                }
              : null,
          metrics: (r.metrics ?? []) as BoardRow['metrics'],
        })),
        nextCursor:
          rows.rows.length > query.limit
            ? Buffer.from(`o:${offset + query.limit}`, 'utf8').toString('base64url')
            : null,
        counts: Object.fromEntries(
          STATUSES.map((s) => [s, counts.rows.find((c) => c.status === s)?.n ?? 0]),
        ) as Record<BoardStatus, number>,
      };
    });
  }
}
