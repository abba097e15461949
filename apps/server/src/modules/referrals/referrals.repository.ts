import { sql, type Insertable, type Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type {
  ReferralConsentColumn,
  ReferralEventTypeColumn,
  ReferralStatusColumn,
  ReferralsTable,
} from '../../platform/db/schema-referrals.ts';

/** A referral with what every view shows: patient, both organizations, departments and people by name. */
export interface ReferralRow {
  id: string;
  org_id: string;
  patient_id: string;
  referring_account_id: string;
  target_kind: 'doctor' | 'department' | 'organization';
  target_org_id: string;
  target_department_id: string | null;
  target_account_id: string | null;
  reason: string;
  urgency: 'routine' | 'urgent' | 'emergency';
  sections: string[];
  window_from: string | null;
  window_to: string | null;
  /** The stored status, except that a referral still waiting past its expiry reads as expired. */
  status: ReferralStatusColumn;
  consent_state: ReferralConsentColumn;
  consent_by: string | null;
  consent_at: Date | null;
  expires_at: Date;
  accepted_by: string | null;
  accepted_at: Date | null;
  decline_reason: string | null;
  appointment_id: string | null;
  planned_at: Date | null;
  booking_note: string | null;
  booked_at: Date | null;
  outcome: string | null;
  completed_by: string | null;
  completed_at: Date | null;
  encounter_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  patient_name: string;
  patient_sex: 'male' | 'female' | 'other' | 'unknown';
  patient_birth_date: string;
  from_org_zh: string;
  from_org_en: string;
  from_department_zh: string | null;
  from_department_en: string | null;
  referrer_name: string;
  to_org_zh: string;
  to_org_en: string;
  to_department_zh: string | null;
  to_department_en: string | null;
  target_name: string | null;
  consent_name: string | null;
  accepted_name: string | null;
  completed_name: string | null;
}

export interface ReferralEventRow {
  referral_id: string;
  type: ReferralEventTypeColumn;
  actor_account_id: string | null;
  actor_name: string | null;
  note: string | null;
  at: Date;
}

export interface Scope {
  status?: ReferralStatusColumn | undefined;
  patientId?: string | undefined;
  before: string | null;
  limit: number;
}

const EFFECTIVE_STATUS = sql<ReferralStatusColumn>`CASE WHEN r.status IN ('awaiting_consent', 'consented')
  AND r.expires_at <= now() THEN 'expired' ELSE r.status END`;

function base(db: Executor) {
  return db
    .selectFrom('referrals as r')
    .innerJoin('patients as p', 'p.id', 'r.patient_id')
    .innerJoin('orgs as fo', 'fo.id', 'r.org_id')
    .innerJoin('orgs as tor', 'tor.id', 'r.target_org_id')
    .innerJoin('accounts as ra', 'ra.id', 'r.referring_account_id')
    .leftJoin('departments as fd', 'fd.id', 'r.referring_department_id')
    .leftJoin('departments as td', 'td.id', 'r.target_department_id')
    .leftJoin('accounts as ta', 'ta.id', 'r.target_account_id')
    .leftJoin('accounts as ca', 'ca.id', 'r.consent_by')
    .leftJoin('accounts as aa', 'aa.id', 'r.accepted_by')
    .leftJoin('accounts as cba', 'cba.id', 'r.completed_by')
    .select([
      'r.id',
      'r.org_id',
      'r.patient_id',
      'r.referring_account_id',
      'r.target_kind',
      'r.target_org_id',
      'r.target_department_id',
      'r.target_account_id',
      'r.reason',
      'r.urgency',
      'r.sections',
      'r.window_from',
      'r.window_to',
      EFFECTIVE_STATUS.as('status'),
      'r.consent_state',
      'r.consent_by',
      'r.consent_at',
      'r.expires_at',
      'r.accepted_by',
      'r.accepted_at',
      'r.decline_reason',
      'r.appointment_id',
      'r.planned_at',
      'r.booking_note',
      'r.booked_at',
      'r.outcome',
      'r.completed_by',
      'r.completed_at',
      'r.encounter_id',
      'r.created_at',
      'r.updated_at',
      'r.version',
      'p.name as patient_name',
      'p.sex as patient_sex',
      'p.birth_date as patient_birth_date',
      'fo.name_zh as from_org_zh',
      'fo.name_en as from_org_en',
      'fd.name_zh as from_department_zh',
      'fd.name_en as from_department_en',
      'ra.display_name as referrer_name',
      'tor.name_zh as to_org_zh',
      'tor.name_en as to_org_en',
      'td.name_zh as to_department_zh',
      'td.name_en as to_department_en',
      'ta.display_name as target_name',
      'ca.display_name as consent_name',
      'aa.display_name as accepted_name',
      'cba.display_name as completed_name',
    ]);
}

type Query = ReturnType<typeof base>;

function page(q: Query, scope: Scope) {
  let out = q;
  if (scope.patientId) out = out.where('r.patient_id', '=', scope.patientId);
  if (scope.status) out = out.where(EFFECTIVE_STATUS, '=', scope.status);
  if (scope.before) out = out.where('r.id', '<', scope.before);
  return out.orderBy('r.id', 'desc').limit(scope.limit + 1);
}

export const referralsRepository = {
  async load(db: Executor, id: string): Promise<ReferralRow | undefined> {
    return base(db).where('r.id', '=', id).executeTakeFirst() as Promise<ReferralRow | undefined>;
  },

  /** Locks the referral for one state change; the second of two racing changes waits and then sees the first. */
  async lock(db: Executor, id: string): Promise<boolean> {
    return !!(await db
      .selectFrom('referrals')
      .select('id')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst());
  },

  async events(db: Executor, ids: readonly string[]): Promise<ReferralEventRow[]> {
    if (ids.length === 0) return [];
    return db
      .selectFrom('referral_events as e')
      .leftJoin('accounts as a', 'a.id', 'e.actor_account_id')
      .select([
        'e.referral_id',
        'e.type',
        'e.actor_account_id',
        'a.display_name as actor_name',
        'e.note',
        'e.at',
      ])
      .where('e.referral_id', 'in', ids)
      .orderBy('e.at')
      .orderBy('e.id')
      .execute();
  },

  /** Referrals this doctor sent from this organization. */
  async outbox(db: Executor, orgId: string, accountId: string, scope: Scope): Promise<ReferralRow[]> {
    const q = base(db).where('r.org_id', '=', orgId).where('r.referring_account_id', '=', accountId);
    return page(q, scope).execute() as Promise<ReferralRow[]>;
  },

  /**
   * Referrals this doctor receives: addressed to them, to their department or to their organization, once the patient
   * consented (a referral waiting for consent, or refused, is not the receiver's to see); after one doctor accepted,
   * only that doctor.
   */
  async inbox(
    db: Executor,
    receiver: { orgId: string; accountId: string; departmentId: string | null },
    scope: Scope,
  ): Promise<ReferralRow[]> {
    const q = base(db)
      .where('r.target_org_id', '=', receiver.orgId)
      .where('r.consent_state', 'in', ['given', 'withdrawn'])
      .where('r.referring_account_id', '<>', receiver.accountId)
      .where((eb) =>
        eb.or([
          eb('r.accepted_by', '=', receiver.accountId),
          eb.and([
            eb('r.accepted_by', 'is', null),
            eb.or([
              eb('r.target_account_id', '=', receiver.accountId),
              eb.and([
                eb('r.target_kind', '=', 'department'),
                eb('r.target_department_id', '=', receiver.departmentId),
              ]),
              eb('r.target_kind', '=', 'organization'),
            ]),
          ]),
        ]),
      );
    return page(q, scope).execute() as Promise<ReferralRow[]>;
  },

  /** Referrals of the patients this account owns, or that are shared with it with the view scope. */
  async forPatientSide(db: Executor, accountId: string, scope: Scope): Promise<ReferralRow[]> {
    const q = base(db).where(
      sql<boolean>`(EXISTS (SELECT 1 FROM patient_links l WHERE l.patient_id = r.patient_id
                      AND l.account_id = ${accountId} AND l.removed_at IS NULL)
                OR EXISTS (SELECT 1 FROM proxy_grants g WHERE g.patient_id = r.patient_id
                      AND g.grantee_account_id = ${accountId} AND g.revoked_at IS NULL
                      AND g.expires_at > now() AND 'view' = ANY (g.scopes)))`,
    );
    return page(q, scope).execute() as Promise<ReferralRow[]>;
  },

  async insert(db: Executor, row: Insertable<ReferralsTable>): Promise<void> {
    await db.insertInto('referrals').values(row).execute();
  },

  async update(db: Executor, id: string, set: Updateable<ReferralsTable>): Promise<void> {
    await db
      .updateTable('referrals')
      .set({ ...set, updated_at: new Date(), version: sql<number>`version + 1` })
      .where('id', '=', id)
      .execute();
  },

  async addEvent(
    db: Executor,
    event: {
      id: string;
      referralId: string;
      orgId: string;
      type: ReferralEventTypeColumn;
      actorAccountId: string | null;
      note: string | null;
    },
  ): Promise<void> {
    await db
      .insertInto('referral_events')
      .values({
        id: event.id,
        referral_id: event.referralId,
        org_id: event.orgId,
        type: event.type,
        actor_account_id: event.actorAccountId,
        note: event.note,
      })
      .execute();
  },

  /** The referring doctor's department in their organization, named on the referral. */
  async departmentOf(db: Executor, orgId: string, accountId: string): Promise<string | null> {
    const row = await db
      .selectFrom('memberships')
      .select('department_id')
      .where('org_id', '=', orgId)
      .where('account_id', '=', accountId)
      .where('active', '=', true)
      .executeTakeFirst();
    return row?.department_id ?? null;
  },

  /** Accounts on the patient's side: the patient's own linked accounts and proxies who may act for them (consult). */
  async patientSideAccounts(db: Executor, patientId: string): Promise<string[]> {
    const rows = await sql<{ account_id: string }>`
      SELECT account_id FROM patient_links WHERE patient_id = ${patientId} AND removed_at IS NULL
      UNION
      SELECT grantee_account_id FROM proxy_grants WHERE patient_id = ${patientId} AND revoked_at IS NULL
         AND expires_at > now() AND 'consult' = ANY (scopes)`.execute(db);
    return rows.rows.map((r) => r.account_id);
  },

  /** The doctors who may take a referral: the named doctor, the department's doctors, or the organization's. */
  async receivers(
    db: Executor,
    target: { orgId: string; kind: string; departmentId: string | null; accountId: string | null },
    exclude: string,
  ): Promise<string[]> {
    let q = db
      .selectFrom('memberships as m')
      .innerJoin('accounts as a', 'a.id', 'm.account_id')
      .select('m.account_id')
      .where('m.org_id', '=', target.orgId)
      .where('m.active', '=', true)
      .where('a.active', '=', true)
      .where(sql<boolean>`'doctor' = ANY (m.roles)`)
      .where('m.account_id', '<>', exclude);
    if (target.kind === 'doctor' && target.accountId) q = q.where('m.account_id', '=', target.accountId);
    if (target.kind === 'department') q = q.where('m.department_id', '=', target.departmentId);
    const rows = await q.limit(50).execute();
    return rows.map((r) => r.account_id);
  },
};
