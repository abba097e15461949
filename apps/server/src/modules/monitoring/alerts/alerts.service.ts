import { sql } from 'kysely';
import type {
  Alert,
  AlertDetail,
  AlertListQuery,
  AlertResolveInput,
  RealtimeEvent,
} from '@careloop/contracts';
import type { AppDeps } from '../../../platform/deps.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { RequestContext, StaffActor } from '../../../platform/auth/actor.ts';
import type { Language } from '../../../platform/http/language.ts';
import { requirePatientAccess } from '../../../platform/access/patient-access.ts';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { decodeCursor, encodeCursor, keysetTime } from '../../../platform/db/keyset.ts';
import { notify } from '../../notifications/index.ts';
import { ALERT_FROM, ALERT_SELECT, addAlertEvents, careChain, type AlertRow } from './alerts.repository.ts';
import { toAlert, toAlertEvent, type AlertEventRow } from './alert-mapper.ts';
import { readingKeyOf, readingsRepository } from '../readings/readings.repository.ts';
import { toReadings } from '../readings/readings.service.ts';
import { patientAccounts } from './raise-alerts.ts';

type StaffContext = RequestContext & { actor: StaffActor };

const STATUS_FILTER = {
  active: ['open', 'acknowledged'],
  open: ['open'],
  acknowledged: ['acknowledged'],
  resolved: ['resolved'],
} as const;

export class AlertsService {
  constructor(private readonly deps: AppDeps) {}

  /** Alerts of the caller's patients (care team) and alerts assigned to the caller, newest first. */
  async list(ctx: StaffContext, query: AlertListQuery, language: Language) {
    const after = decodeCursor(query.cursor, 'query.cursor');
    const statuses = [...STATUS_FILTER[query.status]];
    const me = ctx.actor.accountId;
    return this.deps.db.transaction().execute(async (tx) => {
      const rows = await sql<AlertRow & { cursor_at: string }>`
        SELECT ${ALERT_SELECT}, ${sql.raw(keysetTime('a.created_at'))} AS cursor_at
          FROM ${ALERT_FROM}
         WHERE a.org_id = ${ctx.actor.orgId} AND a.status = ANY (${statuses}::text[])
           AND (a.assigned_to = ${me}
                OR EXISTS (SELECT 1 FROM care_team c WHERE c.patient_id = a.patient_id
                             AND c.staff_account_id = ${me} AND c.removed_at IS NULL))
           ${query.severity ? sql`AND a.severity = ${query.severity}` : sql``}
           ${query.patientId ? sql`AND a.patient_id = ${query.patientId}` : sql``}
           ${query.mine === 'true' ? sql`AND a.assigned_to = ${me}` : sql``}
           ${after ? sql`AND (a.created_at, a.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
         ORDER BY a.created_at DESC, a.id DESC
         LIMIT ${query.limit + 1}`.execute(tx);
      const page = rows.rows.slice(0, query.limit);
      const last = page.at(-1);
      await recordAudit(tx, ctx, {
        action: 'monitoring.alerts.list',
        resourceType: 'alert',
        detail: {
          count: page.length,
          status: query.status,
          patients: new Set(page.map((r) => r.patient_id)).size,
        },
      });
      return {
        items: page.map((r) => toAlert(r, language)),
        nextCursor:
          rows.rows.length > query.limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
      };
    });
  }

  async get(ctx: StaffContext, alertId: string, language: Language): Promise<AlertDetail> {
    return this.deps.db.transaction().execute(async (tx) => {
      const row = await this.load(tx, ctx, alertId);
      const events = await sql<AlertEventRow>`
        SELECT e.id, e.kind, e.at, e.actor_id, a.display_name AS actor_name, e.detail
          FROM alert_events e LEFT JOIN accounts a ON a.id = e.actor_id
         WHERE e.alert_id = ${alertId} ORDER BY e.at, e.id`.execute(tx);
      const ids = row.reading_ids.slice(-500);
      const from = new Date((row.first_reading_at ?? row.created_at).getTime() - 1);
      const to = row.last_reading_at ?? row.created_at;
      const rows = ids.length
        ? rowsOfReadings(await readingsRepository.rows(tx, { patientId: row.patient_id, from, to }), ids)
        : [];
      await recordAudit(tx, ctx, {
        action: 'monitoring.alerts.read',
        resourceType: 'alert',
        resourceId: alertId,
        patientId: row.patient_id,
        orgId: row.org_id,
      });
      return {
        ...toAlert(row, language),
        readings: toReadings(rows),
        events: events.rows.map(toAlertEvent),
      };
    });
  }

  async acknowledge(ctx: StaffContext, alertId: string, language: Language): Promise<Alert> {
    return this.change(ctx, alertId, language, async (tx, row) => {
      if (row.status === 'acknowledged') return false;
      await sql`
        UPDATE alerts SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by = ${ctx.actor.accountId},
                          escalate_at = NULL, updated_at = now(), version = version + 1
         WHERE id = ${alertId}`.execute(tx);
      await addAlertEvents(tx, [
        { alertId, orgId: row.org_id, kind: 'acknowledged', actorId: ctx.actor.accountId, detail: null },
      ]);
      return true;
    });
  }

  async resolve(ctx: StaffContext, alertId: string, input: AlertResolveInput, language: Language) {
    return this.change(ctx, alertId, language, async (tx, row) => {
      if (input.version !== undefined && input.version !== row.version)
        throw new AppError('VERSION_CONFLICT');
      await sql`
        UPDATE alerts SET status = 'resolved', resolved_at = now(), resolved_by = ${ctx.actor.accountId},
                          acknowledged_at = coalesce(acknowledged_at, now()),
                          acknowledged_by = coalesce(acknowledged_by, ${ctx.actor.accountId}),
                          resolution_note = ${input.note}, resolution_action = ${input.action},
                          escalate_at = NULL, updated_at = now(), version = version + 1
         WHERE id = ${alertId}`.execute(tx);
      await addAlertEvents(tx, [
        { alertId, orgId: row.org_id, kind: 'resolved', actorId: ctx.actor.accountId, detail: input.action },
      ]);
      if (input.action === 'message-patient' || input.action === 'book-visit') {
        const visit = input.action === 'book-visit';
        const accounts = await patientAccounts(tx, row.patient_id);
        await notify(
          tx,
          accounts.map((accountId) => ({
            orgId: row.org_id,
            accountId,
            patientId: row.patient_id,
            kind: 'monitoring_alert' as const,
            titleZh: visit ? '医护团队建议您预约就诊' : '医护团队给您的留言',
            titleEn: visit ? 'Your care team asks you to book a visit' : 'A message from your care team',
            bodyZh: input.note,
            bodyEn: input.note,
            link: '/monitoring',
            dedupeKey: `alert:${alertId}:resolved`,
          })),
        );
      }
      return true;
    });
  }

  async assign(ctx: StaffContext, alertId: string, accountId: string, language: Language) {
    return this.change(ctx, alertId, language, async (tx, row) => {
      const member = await tx
        .selectFrom('memberships')
        .select('account_id')
        .where('org_id', '=', row.org_id)
        .where('account_id', '=', accountId)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!member) throw new AppError('MONITORING_ASSIGNEE_INVALID');
      if (row.assigned_to === accountId) return false;
      await sql`UPDATE alerts SET assigned_to = ${accountId}, updated_at = now(), version = version + 1
                 WHERE id = ${alertId}`.execute(tx);
      await addAlertEvents(tx, [
        { alertId, orgId: row.org_id, kind: 'assigned', actorId: ctx.actor.accountId, detail: null },
      ]);
      await notify(tx, [
        {
          orgId: row.org_id,
          accountId,
          patientId: row.patient_id,
          kind: 'monitoring_alert',
          titleZh: '预警已转给您',
          titleEn: 'An alert was assigned to you',
          bodyZh: row.message_zh,
          bodyEn: row.message_en,
          link: `/alerts?alert=${alertId}`,
          dedupeKey: `alert:${alertId}:assigned:${row.version}`,
        },
      ]);
      return true;
    });
  }

  /** The alert if the caller may see it: through the patient's record, or because it is assigned to them. */
  private async load(tx: Executor, ctx: StaffContext, alertId: string): Promise<AlertRow> {
    const result = await sql<AlertRow>`
      SELECT ${ALERT_SELECT} FROM ${ALERT_FROM} WHERE a.id = ${alertId} AND a.org_id = ${ctx.actor.orgId}`.execute(
      tx,
    );
    const row = result.rows[0];
    if (!row) throw new AppError('MONITORING_ALERT_NOT_FOUND');
    if (row.assigned_to !== ctx.actor.accountId) {
      try {
        await requirePatientAccess(tx, ctx.actor, row.patient_id, 'view');
      } catch {
        throw new AppError('MONITORING_ALERT_NOT_FOUND');
      }
    }
    return row;
  }

  private async change(
    ctx: StaffContext,
    alertId: string,
    language: Language,
    apply: (tx: Executor, row: AlertRow) => Promise<boolean>,
  ): Promise<Alert> {
    const { alert, event, team } = await this.deps.db.transaction().execute(async (tx) => {
      const locked = await sql`SELECT id FROM alerts WHERE id = ${alertId} FOR UPDATE`.execute(tx);
      if (locked.rows.length === 0) throw new AppError('MONITORING_ALERT_NOT_FOUND');
      const row = await this.load(tx, ctx, alertId);
      if (row.status === 'resolved') throw new AppError('MONITORING_ALERT_RESOLVED');
      const changed = await apply(tx, row);
      const after = changed ? await this.load(tx, ctx, alertId) : row;
      await recordAudit(tx, ctx, {
        action: 'monitoring.alerts.update',
        resourceType: 'alert',
        resourceId: alertId,
        patientId: row.patient_id,
        orgId: row.org_id,
        detail: { status: after.status },
      });
      const event: RealtimeEvent | null = changed
        ? {
            type: 'alerts.alert.updated',
            id: after.id,
            version: after.version,
            patientId: after.patient_id,
            severity: after.severity,
            status: after.status,
            at: new Date().toISOString(),
          }
        : null;
      const team = changed ? await careChain(tx, row.patient_id) : [];
      if (after.assigned_to) team.push(after.assigned_to);
      return { alert: toAlert(after, language), event, team: [...new Set(team)] };
    });
    if (event) this.deps.realtime.publish('console', { accountIds: team }, event);
    return alert;
  }
}

/** The rows of the alert's readings, with each reading's partner rows (a BP reading's diastolic and pulse). */
function rowsOfReadings<T extends { id: string; dedupe_key: string; effective_at: Date }>(
  rows: readonly T[],
  ids: readonly string[],
): T[] {
  const wanted = new Set(ids);
  const groupOf = (r: T) => `${readingKeyOf(r.dedupe_key)}@${r.effective_at.getTime()}`;
  const groups = new Set(rows.filter((r) => wanted.has(r.id)).map(groupOf));
  return rows.filter((r) => groups.has(groupOf(r)));
}
