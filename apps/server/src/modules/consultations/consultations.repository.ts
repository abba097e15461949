import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { ConsultationStatusColumn, ConsultationsTable } from '../../platform/db/schema-consultations.ts';

export interface ParticipantRow {
  accountId: string;
  role: 'patient' | 'doctor' | 'guest';
  kind: 'patient' | 'staff';
  name: string;
  delivered: number;
  read: number;
}

/** A consultation with what every view of it shows: patient, doctor, department, participants, my receipts. */
export interface ConsultationRow {
  id: string;
  org_id: string;
  patient_id: string;
  requested_by: string;
  doctor_account_id: string | null;
  department_id: string | null;
  status: ConsultationStatusColumn;
  chief_complaint: string;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  ended_at: Date | null;
  end_reason: string | null;
  follow_up_until: Date | null;
  care_until: Date | null;
  diagnoses: { code: string; display: string }[] | null;
  advice: string | null;
  follow_up_interval_days: number | null;
  encounter_id: string | null;
  rating_stars: number | null;
  rating_comment: string | null;
  rated_at: Date | null;
  last_seq: string;
  last_message_at: Date | null;
  version: number;
  patient_name: string;
  patient_sex: 'male' | 'female' | 'other' | 'unknown';
  patient_birth_date: Date | string;
  doctor_name: string | null;
  doctor_title: string | null;
  department_zh: string | null;
  department_en: string | null;
  participants: ParticipantRow[];
  /** For a patient caller: the patient is theirs, or shared with them with the consult scope, right now. */
  patient_access: boolean;
  unread: string;
  last_kind: 'text' | 'image' | 'voice' | 'file' | null;
  last_preview: string | null;
  last_sender_role: 'patient' | 'doctor' | 'guest' | 'system' | null;
}

/** What access checks and the chat's hot path need of a consultation: no names, counts or previews. */
export type ConsultationCore = Pick<
  ConsultationRow,
  | 'id'
  | 'org_id'
  | 'patient_id'
  | 'status'
  | 'follow_up_until'
  | 'doctor_account_id'
  | 'department_id'
  | 'participants'
  | 'patient_access'
>;

/** The patient side's access to a consultation's patient right now: own profile, or a proxy with consult. */
const patientAccess = (me: string) => sql`
  (EXISTS (SELECT 1 FROM patient_links l WHERE l.patient_id = c.patient_id
             AND l.account_id = ${me} AND l.removed_at IS NULL)
   OR EXISTS (SELECT 1 FROM proxy_grants g WHERE g.patient_id = c.patient_id
             AND g.grantee_account_id = ${me} AND g.revoked_at IS NULL
             AND g.expires_at > now() AND 'consult' = ANY (g.scopes)))`;

/** The columns and joins of ConsultationRow for the account `me`. */
function selectConsultation(me: string, patientKind: boolean): RawBuilder<unknown> {
  return sql`
    SELECT c.id, c.org_id, c.patient_id, c.requested_by, c.doctor_account_id, c.department_id, c.status,
           c.chief_complaint, c.created_at, c.expires_at, c.accepted_at, c.accepted_by, c.ended_at, c.end_reason,
           c.follow_up_until, c.care_until, c.diagnoses, c.advice, c.follow_up_interval_days, c.encounter_id,
           c.rating_stars, c.rating_comment, c.rated_at, c.last_seq, c.last_message_at, c.version,
           p.name AS patient_name, p.sex AS patient_sex, p.birth_date AS patient_birth_date,
           d.display_name AS doctor_name, dm.title AS doctor_title,
           dep.name_zh AS department_zh, dep.name_en AS department_en,
           (SELECT coalesce(json_agg(json_build_object(
                     'accountId', cp.account_id, 'role', cp.role, 'kind', a.kind, 'name', a.display_name,
                     'delivered', cp.last_delivered_seq, 'read', cp.last_read_seq) ORDER BY cp.added_at), '[]')
              FROM consultation_participants cp JOIN accounts a ON a.id = cp.account_id
             WHERE cp.consultation_id = c.id AND cp.removed_at IS NULL) AS participants,
           ${
             patientKind
               ? sql`(EXISTS (SELECT 1 FROM patient_links l WHERE l.patient_id = c.patient_id
                                AND l.account_id = ${me} AND l.removed_at IS NULL)
                      OR EXISTS (SELECT 1 FROM proxy_grants g WHERE g.patient_id = c.patient_id
                                AND g.grantee_account_id = ${me} AND g.revoked_at IS NULL
                                AND g.expires_at > now() AND 'consult' = ANY (g.scopes)))`
               : sql`false`
           } AS patient_access,
           (SELECT count(*) FROM consultation_messages m
             WHERE m.consultation_id = c.id
               AND m.seq > coalesce((SELECT last_read_seq FROM consultation_participants x
                                      WHERE x.consultation_id = c.id AND x.account_id = ${me}), 0)
               AND m.sender_account_id IS DISTINCT FROM ${me} AND m.kind <> 'event') AS unread,
           lm.kind AS last_kind, left(lm.body, 80) AS last_preview, lm.sender_role AS last_sender_role
      FROM consultations c
      JOIN patients p ON p.id = c.patient_id
      LEFT JOIN accounts d ON d.id = c.doctor_account_id
      LEFT JOIN memberships dm ON dm.account_id = c.doctor_account_id AND dm.org_id = c.org_id
      LEFT JOIN departments dep ON dep.id = c.department_id
      LEFT JOIN LATERAL (SELECT m.kind, m.body, m.sender_role FROM consultation_messages m
                          WHERE m.consultation_id = c.id AND m.kind <> 'event'
                          ORDER BY m.seq DESC LIMIT 1) lm ON true`;
}

export type ListView = 'waiting' | 'open' | 'mine' | 'past';

const OPEN: ConsultationStatusColumn[] = ['requested', 'accepted', 'active'];

export const consultationsRepository = {
  async insert(db: Executor, row: Insertable<ConsultationsTable>): Promise<void> {
    await db.insertInto('consultations').values(row).execute();
  },

  /** A state change of a locked row; the version moves with it. */
  async update(db: Executor, id: string, set: Updateable<ConsultationsTable>): Promise<void> {
    await db
      .updateTable('consultations')
      .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  },

  /** The patient-side accounts taking part (to tell them of a change). */
  async patientSideAccounts(db: Executor, consultationId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('consultation_participants')
      .select('account_id')
      .where('consultation_id', '=', consultationId)
      .where('role', '=', 'patient')
      .where('removed_at', 'is', null)
      .execute();
    return rows.map((r) => r.account_id);
  },

  /** The organization where a patient account has a profile and the doctor works (for the doctor's profile). */
  async doctorOrgForPatientAccount(
    db: Executor,
    accountId: string,
    doctorId: string,
  ): Promise<string | undefined> {
    const row = await db
      .selectFrom('memberships as m')
      .select('m.org_id')
      .where('m.account_id', '=', doctorId)
      .where('m.org_id', 'in', (eb) =>
        eb
          .selectFrom('patient_links as l')
          .innerJoin('patients as p', 'p.id', 'l.patient_id')
          .select('p.org_id')
          .where('l.account_id', '=', accountId)
          .where('l.removed_at', 'is', null),
      )
      .executeTakeFirst();
    return row?.org_id;
  },

  async load(
    db: Executor,
    id: string,
    me: { accountId: string; kind: 'patient' | 'staff' },
  ): Promise<ConsultationRow | undefined> {
    const result = await sql<ConsultationRow>`
      ${selectConsultation(me.accountId, me.kind === 'patient')} WHERE c.id = ${id}`.execute(db);
    return result.rows[0];
  },

  /** The consultation as access checks and sending see it (one light query: the chat's hot path). */
  async loadCore(
    db: Executor,
    id: string,
    me: { accountId: string; kind: 'patient' | 'staff' },
  ): Promise<ConsultationCore | undefined> {
    const result = await sql<ConsultationCore>`
      SELECT c.id, c.org_id, c.patient_id, c.status, c.follow_up_until, c.doctor_account_id, c.department_id,
             (SELECT coalesce(json_agg(json_build_object(
                       'accountId', cp.account_id, 'role', cp.role, 'kind', a.kind, 'name', a.display_name,
                       'delivered', cp.last_delivered_seq, 'read', cp.last_read_seq)), '[]')
                FROM consultation_participants cp JOIN accounts a ON a.id = cp.account_id
               WHERE cp.consultation_id = c.id AND cp.removed_at IS NULL) AS participants,
             ${me.kind === 'patient' ? patientAccess(me.accountId) : sql`false`} AS patient_access
        FROM consultations c
       WHERE c.id = ${id}`.execute(db);
    return result.rows[0];
  },

  /** Locks the consultation row for a state change (one accept wins; close and messages queue behind it). */
  async lock(
    db: Executor,
    id: string,
  ): Promise<{ status: ConsultationStatusColumn; version: number } | undefined> {
    const result = await sql<{ status: ConsultationStatusColumn; version: number }>`
      SELECT status, version FROM consultations WHERE id = ${id} FOR UPDATE`.execute(db);
    return result.rows[0];
  },

  /** A patient's (or proxy's) consultations: those of profiles they may consult for. */
  async listForPatientSide(
    db: Executor,
    accountId: string,
    view: 'open' | 'past',
    patientId: string | undefined,
    limit: number,
    before: string | null,
  ): Promise<ConsultationRow[]> {
    const result = await sql<ConsultationRow>`
      ${selectConsultation(accountId, true)}
      WHERE (c.patient_id IN (SELECT l.patient_id FROM patient_links l WHERE l.account_id = ${accountId} AND l.removed_at IS NULL)
             OR c.patient_id IN (SELECT g.patient_id FROM proxy_grants g WHERE g.grantee_account_id = ${accountId}
                                   AND g.revoked_at IS NULL AND g.expires_at > now() AND 'consult' = ANY (g.scopes))
             OR c.id IN (SELECT cp.consultation_id FROM consultation_participants cp
                          WHERE cp.account_id = ${accountId} AND cp.removed_at IS NULL))
        AND ${view === 'open' ? sql`c.status = ANY (${OPEN})` : sql`NOT (c.status = ANY (${OPEN}))`}
        ${patientId ? sql`AND c.patient_id = ${patientId}` : sql``}
        ${before ? sql`AND c.id < ${before}` : sql``}
      ORDER BY c.id DESC
      LIMIT ${limit + 1}`.execute(db);
    return result.rows;
  },

  /**
   * A doctor's lists. waiting: requests addressed to them, or to their department's pool (to any pool when they
   * belong to no department), oldest first; mine: open consultations they take part in; past: ended ones.
   */
  async listForStaff(
    db: Executor,
    staff: { accountId: string; orgId: string; departmentId: string | null },
    view: ListView,
    limit: number,
    before: string | null,
  ): Promise<ConsultationRow[]> {
    const mine = sql`c.id IN (SELECT cp.consultation_id FROM consultation_participants cp
                               WHERE cp.account_id = ${staff.accountId} AND cp.removed_at IS NULL)`;
    const where =
      view === 'waiting'
        ? sql`c.status = 'requested' AND (c.doctor_account_id = ${staff.accountId}
                OR (c.doctor_account_id IS NULL AND ${
                  staff.departmentId ? sql`c.department_id = ${staff.departmentId}` : sql`true`
                }))`
        : view === 'past'
          ? sql`${mine} AND NOT (c.status = ANY (${OPEN}))`
          : sql`${mine} AND c.status = ANY (${OPEN})`;
    const order = view === 'waiting' ? sql`c.id ASC` : sql`c.id DESC`;
    const cursor = before
      ? view === 'waiting'
        ? sql`AND c.id > ${before}`
        : sql`AND c.id < ${before}`
      : sql``;
    const result = await sql<ConsultationRow>`
      ${selectConsultation(staff.accountId, false)}
      WHERE c.org_id = ${staff.orgId} AND ${where} ${cursor}
      ORDER BY ${order}
      LIMIT ${limit + 1}`.execute(db);
    return result.rows;
  },

  async settings(db: Executor, orgId: string): Promise<{ followUpDays: number; requestExpiryHours: number }> {
    const row = await db
      .selectFrom('consultation_settings')
      .select(['follow_up_days', 'request_expiry_hours'])
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    return { followUpDays: row?.follow_up_days ?? 7, requestExpiryHours: row?.request_expiry_hours ?? 48 };
  },

  async saveSettings(
    db: Executor,
    orgId: string,
    by: string,
    s: { followUpDays: number; requestExpiryHours: number },
  ): Promise<void> {
    await db
      .insertInto('consultation_settings')
      .values({
        org_id: orgId,
        follow_up_days: s.followUpDays,
        request_expiry_hours: s.requestExpiryHours,
        updated_by: by,
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc.column('org_id').doUpdateSet({
          follow_up_days: s.followUpDays,
          request_expiry_hours: s.requestExpiryHours,
          updated_by: by,
          updated_at: new Date(),
        }),
      )
      .execute();
  },

  async addParticipant(
    db: Executor,
    p: { consultationId: string; accountId: string; role: 'patient' | 'doctor' | 'guest'; addedBy: string },
  ): Promise<void> {
    await sql`
      INSERT INTO consultation_participants (consultation_id, account_id, role, added_by)
      VALUES (${p.consultationId}, ${p.accountId}, ${p.role}, ${p.addedBy})
      ON CONFLICT (consultation_id, account_id) DO UPDATE SET removed_at = NULL, role = EXCLUDED.role`.execute(
      db,
    );
  },

  /** Staff of the organization who may take consultations: doctors, by department. */
  async doctors(db: Executor, orgId: string, doctorId?: string) {
    const result = await sql<{
      account_id: string;
      name: string;
      title: string | null;
      department_id: string | null;
      department_zh: string | null;
      department_en: string | null;
      rating_avg: string | null;
      rating_count: string;
      closed_count: string;
    }>`
      SELECT m.account_id, a.display_name AS name, m.title, m.department_id,
             dep.name_zh AS department_zh, dep.name_en AS department_en,
             (SELECT avg(c.rating_stars) FROM consultations c WHERE c.doctor_account_id = m.account_id AND c.rating_stars IS NOT NULL) AS rating_avg,
             (SELECT count(*) FROM consultations c WHERE c.doctor_account_id = m.account_id AND c.rating_stars IS NOT NULL) AS rating_count,
             (SELECT count(*) FROM consultations c WHERE c.doctor_account_id = m.account_id AND c.status = 'closed') AS closed_count
        FROM memberships m
        JOIN accounts a ON a.id = m.account_id AND a.active
        LEFT JOIN departments dep ON dep.id = m.department_id
       WHERE m.org_id = ${orgId} AND m.active AND 'doctor' = ANY (m.roles)
         ${doctorId ? sql`AND m.account_id = ${doctorId}` : sql``}
       ORDER BY dep.code NULLS LAST, a.display_name`.execute(db);
    return result.rows;
  },

  async departments(db: Executor, orgId: string) {
    return db
      .selectFrom('departments')
      .select(['id', 'name_zh', 'name_en'])
      .where('org_id', '=', orgId)
      .where('active', '=', true)
      .orderBy('code')
      .execute();
  },

  async reviews(db: Executor, doctorId: string, limit: number) {
    return db
      .selectFrom('consultations')
      .select(['rating_stars', 'rating_comment', 'rated_at'])
      .where('doctor_account_id', '=', doctorId)
      .where('rated_at', 'is not', null)
      .orderBy('rated_at', 'desc')
      .limit(limit)
      .execute();
  },

  /** The organization of a patient profile (for a consultation opened by its patient side). */
  async patientOrg(db: Executor, patientId: string): Promise<string | undefined> {
    const row = await db
      .selectFrom('patients')
      .select('org_id')
      .where('id', '=', patientId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.org_id;
  },

  /** Requests nobody took in time. */
  async expireDue(db: Executor, now: Date, limit: number) {
    const result = await sql<{ id: string; org_id: string; patient_id: string; version: number }>`
      UPDATE consultations SET status = 'expired', ended_at = ${now}, version = version + 1
       WHERE id IN (SELECT id FROM consultations WHERE status = 'requested' AND expires_at <= ${now}
                     ORDER BY expires_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, org_id, patient_id, version`.execute(db);
    return result.rows;
  },
};
