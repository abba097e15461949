import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

/** A call as stored: ringing until answered (answered_at), live until ended (ended_at). */
export interface CallRow {
  id: string;
  org_id: string;
  consultation_id: string;
  media: 'video' | 'audio';
  started_by: string;
  started_by_name: string;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date | null;
  end_reason: 'hangup' | 'declined' | 'missed' | 'failed' | null;
  in_call: string[];
}

export type CallEndReason = NonNullable<CallRow['end_reason']>;

export interface InvitableRow {
  account_id: string;
  name: string;
  kind: 'doctor' | 'family';
  title: string | null;
  department_zh: string | null;
  department_en: string | null;
  relationship: string | null;
}

const CALL_COLUMNS = sql`k.id, k.org_id, k.consultation_id, k.media, k.started_by, a.display_name AS started_by_name,
  k.started_at, k.answered_at, k.ended_at, k.end_reason, k.in_call`;

export const callsRepository = {
  /** The consultation's call that has not ended (at most one: starts are serialized by the consultation lock). */
  async live(db: Executor, consultationId: string): Promise<CallRow | undefined> {
    const result = await sql<CallRow>`
      SELECT ${CALL_COLUMNS} FROM consultation_calls k JOIN accounts a ON a.id = k.started_by
       WHERE k.consultation_id = ${consultationId} AND k.ended_at IS NULL
       ORDER BY k.started_at DESC LIMIT 1`.execute(db);
    return result.rows[0];
  },

  /** Whether each account is staff or patient (which app's sockets to look for). */
  async accountKinds(db: Executor, ids: readonly string[]): Promise<Map<string, 'patient' | 'staff'>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('accounts')
      .select(['id', 'kind'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((r) => [r.id, r.kind]));
  },

  async byId(db: Executor, id: string): Promise<CallRow | undefined> {
    const result = await sql<CallRow>`
      SELECT ${CALL_COLUMNS} FROM consultation_calls k JOIN accounts a ON a.id = k.started_by
       WHERE k.id = ${id}`.execute(db);
    return result.rows[0];
  },

  /** Locks the call for a join or a leave (in_call changes one at a time). */
  async lock(db: Executor, id: string): Promise<CallRow | undefined> {
    const result = await sql<CallRow>`
      SELECT ${CALL_COLUMNS} FROM consultation_calls k JOIN accounts a ON a.id = k.started_by
       WHERE k.id = ${id} FOR UPDATE OF k`.execute(db);
    return result.rows[0];
  },

  async insert(
    db: Executor,
    call: { id: string; orgId: string; consultationId: string; media: 'video' | 'audio'; startedBy: string },
  ): Promise<void> {
    await db
      .insertInto('consultation_calls')
      .values({
        id: call.id,
        org_id: call.orgId,
        consultation_id: call.consultationId,
        media: call.media,
        started_by: call.startedBy,
        in_call: [call.startedBy],
      })
      .execute();
  },

  async setMembers(db: Executor, id: string, inCall: string[], answeredAt?: Date): Promise<void> {
    await db
      .updateTable('consultation_calls')
      .set({ in_call: inCall, ...(answeredAt ? { answered_at: answeredAt } : {}) })
      .where('id', '=', id)
      .execute();
  },

  async end(db: Executor, id: string, reason: CallEndReason, at: Date, inCall: string[]): Promise<void> {
    await db
      .updateTable('consultation_calls')
      .set({ ended_at: at, end_reason: reason, in_call: inCall })
      .where('id', '=', id)
      .where('ended_at', 'is', null)
      .execute();
  },

  /** Ringing calls nobody answered that started at or before `before` (the sweep of missed calls). */
  async ringingSince(db: Executor, before: Date, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('consultation_calls')
      .select('id')
      .where('ended_at', 'is', null)
      .where('answered_at', 'is', null)
      .where('started_at', '<=', before)
      .orderBy('started_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },

  /**
   * What a signal needs: the call's consultation and members, and which app the recipient uses. Only for a call
   * that has not ended.
   */
  async signalRoute(
    db: Executor,
    callId: string,
    to: string,
  ): Promise<
    { consultation_id: string; in_call: string[]; to_kind: 'patient' | 'staff' | null } | undefined
  > {
    const result = await sql<{
      consultation_id: string;
      in_call: string[];
      to_kind: 'patient' | 'staff' | null;
    }>`
      SELECT k.consultation_id, k.in_call, (SELECT kind FROM accounts WHERE id = ${to}) AS to_kind
        FROM consultation_calls k WHERE k.id = ${callId} AND k.ended_at IS NULL`.execute(db);
    return result.rows[0];
  },

  /**
   * Who a doctor may invite into a consultation: the organization's other doctors, and the patient's family and
   * proxies (accounts linked to the patient profile, or holding a live proxy grant for it), minus those already in.
   */
  async invitable(
    db: Executor,
    c: { id: string; orgId: string; patientId: string },
  ): Promise<InvitableRow[]> {
    const result = await sql<InvitableRow>`
      WITH present AS (
        SELECT account_id FROM consultation_participants
         WHERE consultation_id = ${c.id} AND removed_at IS NULL)
      SELECT m.account_id, a.display_name AS name, 'doctor' AS kind, m.title,
             dep.name_zh AS department_zh, dep.name_en AS department_en, NULL AS relationship
        FROM memberships m
        JOIN accounts a ON a.id = m.account_id AND a.active
        LEFT JOIN departments dep ON dep.id = m.department_id
       WHERE m.org_id = ${c.orgId} AND m.active AND 'doctor' = ANY (m.roles)
         AND m.account_id NOT IN (SELECT account_id FROM present)
      UNION ALL
      SELECT * FROM (
        SELECT DISTINCT ON (f.account_id) f.account_id, a.display_name AS name, 'family' AS kind, NULL AS title,
               NULL AS department_zh, NULL AS department_en, f.relationship
          FROM (SELECT l.account_id, l.relationship FROM patient_links l
                 WHERE l.patient_id = ${c.patientId} AND l.removed_at IS NULL
                UNION ALL
                SELECT g.grantee_account_id, 'proxy' FROM proxy_grants g
                 WHERE g.patient_id = ${c.patientId} AND g.revoked_at IS NULL AND g.expires_at > now()) f
          JOIN accounts a ON a.id = f.account_id AND a.active AND a.kind = 'patient'
         WHERE f.account_id NOT IN (SELECT account_id FROM present)
         ORDER BY f.account_id, f.relationship = 'proxy') family
       ORDER BY kind, name`.execute(db);
    return result.rows;
  },
};
